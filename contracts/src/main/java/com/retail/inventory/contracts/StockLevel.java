package com.retail.inventory.contracts;

/**
 * Where a store item's count stands against its low-stock threshold: {@link StockState}
 * refined by the threshold. Alerts are transitions between levels ({@link AlertType}).
 */
public enum StockLevel {

	/** No count. */
	UNKNOWN,

	/** Out of stock ({@link StockState#OUT_OF_STOCK}). */
	OUT,

	/** In stock, below the item's low-stock threshold. */
	LOW,

	/** In stock, at or above the threshold, or without one. */
	OK;

	/**
	 * @param count the item's count, or null
	 * @param lowStock the item's low-stock threshold, or null when it has none
	 */
	public static StockLevel of(Long count, Long lowStock) {
		return switch (StockState.of(count)) {
			case UNKNOWN -> UNKNOWN;
			case OUT_OF_STOCK -> OUT;
			case IN_STOCK -> (lowStock != null && count < lowStock) ? LOW : OK;
		};
	}

}
