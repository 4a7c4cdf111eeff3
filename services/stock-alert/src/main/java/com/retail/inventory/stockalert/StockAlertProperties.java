package com.retail.inventory.stockalert;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param topicArn ARN of the SNS topic alerts are published to (NoStock)
 * @param alertLogTable DynamoDB table remembering which changes were already alerted
 * @param alertLogRetention how long an alerted change is remembered; longer than the
 * stream's retention, so a replay of the whole stream cannot alert twice
 */
@Validated
@ConfigurationProperties("inventory.stock-alert")
public record StockAlertProperties(@NotBlank String topicArn, @NotBlank String alertLogTable,
		@NotNull Duration alertLogRetention) {
}
