package com.retail.inventory.stockalert;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import com.retail.inventory.contracts.AlertType;
import com.retail.inventory.contracts.KclLeases;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param topicArn ARN of the SNS topic alerts are published to (NoStock)
 * @param alertLogTable DynamoDB table remembering which changes were already alerted
 * @param alertLogRetention how long an item's alert state is kept; longer than the
 * stream's retention, so a replay of the whole stream cannot alert twice
 * @param thresholdsTable DynamoDB table of the low-stock thresholds
 * @param thresholdsRefresh how long thresholds are cached: a new one applies within this
 * @param disabledTypes alert types not sent (e.g. {@code LOW_STOCK,BACK_IN_STOCK})
 * @param digestAbove more alerts than this of one type for one store from one upload
 * (arriving together) are sent as one digest message
 * @param digestWindow how long changes are collected before their alerts are sent, so one
 * upload's changes make one digest; no alert waits longer (plus a poll)
 * @param claimTimeout how long an alert one instance began to send is left to it: after
 * this, an instance reading the same change again sends it (the first stopped before it
 * could)
 * @param leases how the binding runs the Kinesis Client Library: its tables, failover and
 * lease hand-off (off: the digest window checkpoints after the fact)
 */
@Validated
@ConfigurationProperties("inventory.stock-alert")
public record StockAlertProperties(@NotBlank String topicArn, @NotBlank String alertLogTable,
		@NotNull Duration alertLogRetention, @NotBlank String thresholdsTable,
		@DefaultValue("30s") @NotNull Duration thresholdsRefresh, @DefaultValue Set<AlertType> disabledTypes,
		@DefaultValue("5") @Min(1) int digestAbove, @DefaultValue("2s") @NotNull Duration digestWindow,
		@DefaultValue("1m") @NotNull Duration claimTimeout, @NotNull KclLeases leases) {
}
