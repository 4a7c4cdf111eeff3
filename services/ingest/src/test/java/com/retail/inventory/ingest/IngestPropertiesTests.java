package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IngestPropertiesTests {

	@Test
	void reportsAreNotInventoryUploads() {
		IngestProperties properties = new IngestProperties("q", "b", "reports/");
		assertThat(properties.isInventoryUpload("inventory-berlin.csv")).isTrue();
		assertThat(properties.isInventoryUpload("incoming/berlin.csv")).isTrue();
		assertThat(properties.isInventoryUpload("reports/2026-11-21/berlin.json")).isFalse();
	}

	@Test
	void withoutAReportsPrefixEverythingIsAnUpload() {
		assertThat(new IngestProperties("q", "b", "").isInventoryUpload("reports/x.csv")).isTrue();
	}

}
