package com.retail.inventory.contracts;

/**
 * The alerts published to the alerts topic (message attribute {@code type}), each a
 * transition of one store item's {@link StockLevel}.
 */
public enum AlertType {

	/** A count above 0 (or no count) became 0. */
	OUT_OF_STOCK,

	/**
	 * A count at or above the item's low-stock threshold (or no count) fell below it,
	 * staying above 0.
	 */
	LOW_STOCK,

	/** A count of 0 became more than 0. */
	BACK_IN_STOCK;

	/**
	 * @return the alert the change from one level to another calls for, or null
	 */
	public static AlertType of(StockLevel before, StockLevel now) {
		if (before == now) {
			return null;
		}
		return switch (now) {
			case OUT -> OUT_OF_STOCK;
			case LOW -> (before == StockLevel.OUT) ? BACK_IN_STOCK : LOW_STOCK;
			case OK -> (before == StockLevel.OUT) ? BACK_IN_STOCK : null;
			case UNKNOWN -> null;
		};
	}

}
