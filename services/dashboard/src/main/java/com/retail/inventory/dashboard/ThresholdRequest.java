package com.retail.inventory.dashboard;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A threshold to set, the same rules for the API and the page.
 *
 * @param key the store items it is for
 * @param lowStock a count below this is low stock: 1 to {@value #MAX_LOW_STOCK}
 */
record ThresholdRequest(ThresholdKey key, long lowStock) {

	static final long MAX_LOW_STOCK = 1_000_000_000L;

	static final String STORE = "store";

	static final String ITEM = "item";

	static final String LOW_STOCK = "lowStock";

	/** Fields of a listed threshold, accepted in a request body and ignored. */
	private static final Set<String> READ_ONLY = Set.of("updatedAt", "updatedBy");

	ThresholdRequest {
		if (key == null) {
			throw new Invalid("The store and item are missing");
		}
		if (lowStock < 1 || lowStock > MAX_LOW_STOCK) {
			throw new Invalid(outOfRange(String.valueOf(lowStock)));
		}
	}

	/**
	 * @param body the JSON object of {@code PUT /api/thresholds}: {@code store} and
	 * {@code item} (a name, or null or absent for all), {@code lowStock} (a whole number)
	 * @return the request
	 * @throws Invalid with a message for the user when the body is not acceptable
	 */
	static ThresholdRequest fromJson(Map<String, ?> body) {
		checkFields(body, Set.of(STORE, ITEM, LOW_STOCK));
		ThresholdKey key = ThresholdKey.of(text(body, STORE), text(body, ITEM));
		Object lowStock = body.get(LOW_STOCK);
		if (lowStock == null) {
			throw new Invalid(LOW_STOCK + " is required: " + range());
		}
		if (!(lowStock instanceof Number number)) {
			throw new Invalid(LOW_STOCK + " must be a number: " + range());
		}
		return new ThresholdRequest(key, lowStock(number.toString()));
	}

	/**
	 * @param body the JSON object of {@code DELETE /api/thresholds}: {@code store} and
	 * {@code item}
	 * @return the key
	 * @throws Invalid with a message for the user when the body is not acceptable
	 */
	static ThresholdKey keyFromJson(Map<String, ?> body) {
		checkFields(body, Set.of(STORE, ITEM, LOW_STOCK));
		return ThresholdKey.of(text(body, STORE), text(body, ITEM));
	}

	/**
	 * @param store a store name; blank for all stores
	 * @param item an item name; blank for all items
	 * @param lowStock a whole number
	 * @return the request of the page's form
	 * @throws Invalid with a message for the user when a field is not acceptable
	 */
	static ThresholdRequest fromForm(String store, String item, String lowStock) {
		ThresholdKey key = keyFromForm(store, item);
		if (lowStock == null || lowStock.isBlank()) {
			throw new Invalid(LOW_STOCK + " is required: " + range());
		}
		return new ThresholdRequest(key, lowStock(lowStock.strip()));
	}

	/**
	 * @param store a store name; blank for all stores
	 * @param item an item name; blank for all items
	 * @return the key of the page's forms
	 */
	static ThresholdKey keyFromForm(String store, String item) {
		return ThresholdKey.of(blankToNull(store), blankToNull(item));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static void checkFields(Map<String, ?> body, Set<String> fields) {
		if (body == null) {
			throw new Invalid("The body must be a JSON object");
		}
		Set<String> unknown = new TreeSet<>(body.keySet());
		unknown.removeAll(fields);
		unknown.removeAll(READ_ONLY);
		if (!unknown.isEmpty()) {
			throw new Invalid("Unknown field(s) " + unknown + "; expected " + String.join(", ", new TreeSet<>(fields)));
		}
	}

	private static String text(Map<String, ?> body, String field) {
		Object value = body.get(field);
		if (value == null || value instanceof String) {
			return (String) value;
		}
		throw new Invalid(field + " must be a string, or null for all " + field + "s");
	}

	private static long lowStock(String text) {
		BigDecimal value;
		try {
			value = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new Invalid(outOfRange(text));
		}
		if (value.compareTo(BigDecimal.ONE) < 0 || value.compareTo(BigDecimal.valueOf(MAX_LOW_STOCK)) > 0
				|| value.stripTrailingZeros().scale() > 0) {
			throw new Invalid(outOfRange(text));
		}
		return value.longValueExact();
	}

	private static String outOfRange(String value) {
		String shown = (value.length() > 40) ? value.substring(0, 40) + "…" : value;
		return LOW_STOCK + " must be " + range() + ", not '" + shown + "'";
	}

	private static String range() {
		return "a whole number from 1 to 1,000,000,000 (a count below it is low stock)";
	}

	/** A threshold request is not acceptable; the message says why. */
	static final class Invalid extends IllegalArgumentException {

		Invalid(String message) {
			super(message);
		}

	}

}
