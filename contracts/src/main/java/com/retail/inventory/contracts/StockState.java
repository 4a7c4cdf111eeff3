package com.retail.inventory.contracts;

/**
 * What a stored count means for operations: the one definition of "out of stock", used by
 * the alerts and the dashboard alike.
 */
public enum StockState {

	/**
	 * The item has no count (an item written by something other than the loader): neither
	 * in nor out of stock.
	 */
	UNKNOWN,

	/** No units left: a count of 0 (or below, which the loader never writes). */
	OUT_OF_STOCK,

	/** At least one unit left. */
	IN_STOCK;

	/**
	 * @param count the item's {@link InventoryTable#COUNT}, or {@code null} when the item
	 * has none
	 * @return the state of an item with that count
	 */
	public static StockState of(Long count) {
		if (count == null) {
			return UNKNOWN;
		}
		return (count <= 0) ? OUT_OF_STOCK : IN_STOCK;
	}

}
