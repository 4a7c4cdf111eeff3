package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestPropertiesTests {

	static IngestProperties properties(String reportsPrefix) {
		return new IngestProperties("q", 5, "InventoryUploads", Duration.ofDays(90), "inventory-records", reportsPrefix,
				2, Duration.ofMinutes(5), Duration.ofSeconds(20),
				new IngestProperties.Kinesis(4, 10, Duration.ofMillis(100), Duration.ofSeconds(5)),
				new IngestProperties.Limits(16384), "q-dlq", Duration.ofSeconds(60));
	}

	@Test
	void reportsAreNotInventoryUploads() {
		IngestProperties properties = properties("reports/");
		assertThat(properties.isInventoryUpload("inventory-berlin.csv")).isTrue();
		assertThat(properties.isInventoryUpload("incoming/berlin.csv")).isTrue();
		assertThat(properties.isInventoryUpload("reports/2026-11-21/berlin.json")).isFalse();
	}

	@Test
	void withoutAReportsPrefixEverythingIsAnUpload() {
		assertThat(properties("").isInventoryUpload("reports/x.csv")).isTrue();
	}

}
