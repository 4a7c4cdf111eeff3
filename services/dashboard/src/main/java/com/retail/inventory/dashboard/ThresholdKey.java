package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.ThresholdsTable;

/**
 * Which store items a threshold is for. Null stands for all stores or all items; the
 * table spells that {@link ThresholdsTable#ANY}.
 *
 * @param store a store, or null for all stores
 * @param item an item, or null for all items
 */
record ThresholdKey(String store, String item) {

	/** Longer than any store or item name. */
	static final int MAX_CHARS = 128;

	/**
	 * @param store a store name (trimmed), or null for all stores
	 * @param item an item name (trimmed), or null for all items
	 * @return the key
	 * @throws ThresholdRequest.Invalid with a message for the user when a name is blank,
	 * too long, holds control characters or is {@link ThresholdsTable#ANY}
	 */
	static ThresholdKey of(String store, String item) {
		return new ThresholdKey(name("store", "stores", store), name("item", "items", item));
	}

	private static String name(String field, String plural, String value) {
		if (value == null) {
			return null;
		}
		String name = value.strip();
		if (name.isEmpty()) {
			throw new ThresholdRequest.Invalid(
					field + " must not be blank: give a name, or null (leave it out) for all " + plural);
		}
		if (name.codePointCount(0, name.length()) > MAX_CHARS) {
			throw new ThresholdRequest.Invalid(field + " must be at most " + MAX_CHARS + " characters");
		}
		if (name.codePoints().anyMatch(Character::isISOControl)) {
			throw new ThresholdRequest.Invalid(field + " must not contain control characters");
		}
		if (name.equals(ThresholdsTable.ANY)) {
			throw new ThresholdRequest.Invalid(
					field + " cannot be '" + ThresholdsTable.ANY + "': use null (leave it out) for all " + plural);
		}
		return name;
	}

	/**
	 * @param store the table's {@link ThresholdsTable#STORE}
	 * @param item the table's {@link ThresholdsTable#ITEM}
	 * @return the key, with null for {@link ThresholdsTable#ANY}
	 */
	static ThresholdKey fromTable(String store, String item) {
		return new ThresholdKey(fromTable(store), fromTable(item));
	}

	private static String fromTable(String value) {
		return (value == null || ThresholdsTable.ANY.equals(value)) ? null : value;
	}

	/**
	 * The table's {@link ThresholdsTable#STORE}: the store or
	 * {@link ThresholdsTable#ANY}.
	 */
	String tableStore() {
		return this.store != null ? this.store : ThresholdsTable.ANY;
	}

	/**
	 * The table's {@link ThresholdsTable#ITEM}: the item or {@link ThresholdsTable#ANY}.
	 */
	String tableItem() {
		return this.item != null ? this.item : ThresholdsTable.ANY;
	}

	/**
	 * @return e.g. "Echo Dot in Berlin", "all items in all stores"
	 */
	String describe() {
		return (this.item != null ? this.item : "all items") + " in "
				+ (this.store != null ? this.store : "all stores");
	}

}
