package com.retail.inventory.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertTypeTests {

	@Test
	void levelsMeasureTheCountAgainstTheThreshold() {
		assertThat(StockLevel.of(null, 5L)).isEqualTo(StockLevel.UNKNOWN);
		assertThat(StockLevel.of(0L, 5L)).isEqualTo(StockLevel.OUT);
		assertThat(StockLevel.of(4L, 5L)).isEqualTo(StockLevel.LOW);
		assertThat(StockLevel.of(5L, 5L)).isEqualTo(StockLevel.OK);
		assertThat(StockLevel.of(1L, null)).isEqualTo(StockLevel.OK);
	}

	@Test
	void eachTransitionCallsForAtMostOneAlert() {
		assertThat(AlertType.of(StockLevel.OK, StockLevel.OUT)).isEqualTo(AlertType.OUT_OF_STOCK);
		assertThat(AlertType.of(StockLevel.LOW, StockLevel.OUT)).isEqualTo(AlertType.OUT_OF_STOCK);
		assertThat(AlertType.of(StockLevel.UNKNOWN, StockLevel.OUT)).isEqualTo(AlertType.OUT_OF_STOCK);
		assertThat(AlertType.of(StockLevel.OK, StockLevel.LOW)).isEqualTo(AlertType.LOW_STOCK);
		assertThat(AlertType.of(StockLevel.UNKNOWN, StockLevel.LOW)).isEqualTo(AlertType.LOW_STOCK);
		assertThat(AlertType.of(StockLevel.OUT, StockLevel.LOW)).isEqualTo(AlertType.BACK_IN_STOCK);
		assertThat(AlertType.of(StockLevel.OUT, StockLevel.OK)).isEqualTo(AlertType.BACK_IN_STOCK);
		assertThat(AlertType.of(StockLevel.LOW, StockLevel.OK)).isNull();
		assertThat(AlertType.of(StockLevel.OUT, StockLevel.OUT)).isNull();
		assertThat(AlertType.of(StockLevel.OK, StockLevel.UNKNOWN)).isNull();
	}

	@Test
	void anAlertIdKeepsStoreAndItemApart() {
		assertThat(AlertLogTable.alertId("a/b", "c")).isNotEqualTo(AlertLogTable.alertId("a", "b/c"));
	}

}
