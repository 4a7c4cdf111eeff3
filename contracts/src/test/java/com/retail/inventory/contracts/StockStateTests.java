package com.retail.inventory.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StockStateTests {

	@Test
	void zeroIsOutOfStock() {
		assertThat(StockState.of(0L)).isEqualTo(StockState.OUT_OF_STOCK);
		assertThat(StockState.of(-1L)).isEqualTo(StockState.OUT_OF_STOCK);
	}

	@Test
	void anyUnitLeftIsInStock() {
		assertThat(StockState.of(1L)).isEqualTo(StockState.IN_STOCK);
	}

	@Test
	void noCountIsNeitherInNorOutOfStock() {
		assertThat(StockState.of(null)).isEqualTo(StockState.UNKNOWN);
	}

}
