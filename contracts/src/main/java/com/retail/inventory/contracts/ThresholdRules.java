package com.retail.inventory.contracts;

import java.util.Map;

/**
 * The low-stock thresholds as set, and which one applies to a store item: its own, else
 * the item's in all stores, else the store's, else the global default, else none.
 */
public final class ThresholdRules {

	/** No thresholds at all: nothing is ever low stock. */
	public static final ThresholdRules NONE = new ThresholdRules(Map.of());

	private final Map<Key, Long> thresholds;

	/**
	 * @param thresholds low-stock thresholds by store and item
	 * ({@link ThresholdsTable#ANY} for all)
	 */
	public ThresholdRules(Map<Key, Long> thresholds) {
		this.thresholds = Map.copyOf(thresholds);
	}

	/** A threshold's key. */
	public record Key(String store, String item) {
	}

	/**
	 * @return the threshold that applies, or null
	 */
	public Long lowStock(String store, String item) {
		if (this.thresholds.isEmpty()) {
			return null;
		}
		Long threshold = this.thresholds.get(new Key(store, item));
		if (threshold == null) {
			threshold = this.thresholds.get(new Key(ThresholdsTable.ANY, item));
		}
		if (threshold == null) {
			threshold = this.thresholds.get(new Key(store, ThresholdsTable.ANY));
		}
		if (threshold == null) {
			threshold = this.thresholds.get(new Key(ThresholdsTable.ANY, ThresholdsTable.ANY));
		}
		return threshold;
	}

	/** How many thresholds are set. */
	public int size() {
		return this.thresholds.size();
	}

}
