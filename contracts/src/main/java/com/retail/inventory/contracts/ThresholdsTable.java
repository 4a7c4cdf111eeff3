package com.retail.inventory.contracts;

/**
 * The item schema of the low-stock thresholds table
 * ({@code inventory.resources.thresholds-table}). The most specific threshold of a store
 * item wins: its own (store and item), then the item's in all stores ({@link #ANY}
 * store), then the store's for all items ({@link #ANY} item), then the global default
 * (both {@link #ANY}); without any, the item has no threshold and is never LOW_STOCK.
 */
public final class ThresholdsTable {

	/** Hash key (S): the store, or {@link #ANY}. */
	public static final String STORE = "Store";

	/** Range key (S): the item, or {@link #ANY}. */
	public static final String ITEM = "Item";

	/** A count below this (N) is low stock. */
	public static final String LOW_STOCK = "LowStock";

	/** When it was set (S, ISO-8601). */
	public static final String UPDATED_AT = "UpdatedAt";

	/** Who set it (S). */
	public static final String UPDATED_BY = "UpdatedBy";

	/**
	 * Stands for every store or every item (so a store or item named {@code *} cannot
	 * have a threshold of its own).
	 */
	public static final String ANY = "*";

	private ThresholdsTable() {
	}

}
