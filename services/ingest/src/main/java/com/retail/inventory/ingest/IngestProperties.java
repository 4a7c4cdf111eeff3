package com.retail.inventory.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param queue SQS queue receiving the upload bucket's ObjectCreated notifications
 * @param binding Spring Cloud Stream output binding that writes {@code inventory-records}
 */
@Validated
@ConfigurationProperties("inventory.ingest")
public record IngestProperties(@jakarta.validation.constraints.NotBlank String queue,
		@jakarta.validation.constraints.NotBlank String binding) {
}
