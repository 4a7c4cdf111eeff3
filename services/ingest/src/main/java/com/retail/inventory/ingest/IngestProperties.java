package com.retail.inventory.ingest;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param queue SQS queue receiving the upload bucket's ObjectCreated notifications
 * @param binding Spring Cloud Stream output binding that writes {@code inventory-records}
 * @param reportsPrefix key prefix of files the platform itself writes into the bucket;
 * never ingested
 */
@Validated
@ConfigurationProperties("inventory.ingest")
public record IngestProperties(@NotBlank String queue, @NotBlank String binding, String reportsPrefix) {

	/**
	 * Whether an uploaded key is a store's inventory file (anything but the platform's
	 * own reports).
	 */
	public boolean isInventoryUpload(String key) {
		return reportsPrefix == null || reportsPrefix.isEmpty() || !key.startsWith(reportsPrefix);
	}
}
