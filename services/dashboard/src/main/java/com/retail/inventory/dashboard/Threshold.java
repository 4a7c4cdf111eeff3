package com.retail.inventory.dashboard;

import java.util.Comparator;

/**
 * A low-stock threshold as the API and the page show it (public for the page's
 * expressions).
 *
 * @param store the store, or null for all stores
 * @param item the item, or null for all items
 * @param lowStock a count below this is low stock
 * @param updatedAt when it was set (ISO-8601), null if unknown
 * @param updatedBy who set it, null if unknown
 */
public record Threshold(String store, String item, long lowStock, String updatedAt, String updatedBy) {

	/** The global default first, then by store (all stores first), then by item. */
	static final Comparator<Threshold> ORDER = Comparator
		.comparing(Threshold::store, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
		.thenComparing(Threshold::item, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

	ThresholdKey key() {
		return new ThresholdKey(this.store, this.item);
	}

	/**
	 * @return e.g. "Echo Dot in Berlin", "all items in all stores"
	 */
	public String describe() {
		return key().describe();
	}

}
