package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.InventoryChangeRecord;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a table change deserves an alert. Plain Java: no AWS in here.
 *
 * <p>
 * Out of stock: the item's count is now 0 and was above 0 or unknown before (a new item,
 * or one without a count). An item that was already at 0 does not alert again, so
 * re-uploading a file changes nothing.
 */
public final class StockRules {

	static final String STORE = "Store";
	static final String ITEM = "Item";
	static final String COUNT = "Count";

	public Optional<StockAlert> evaluate(InventoryChangeRecord change) {
		if (change.dynamodb() == null || change.dynamodb().newImage() == null) {
			return Optional.empty(); // deletions do not alert
		}
		Map<String, Map<String, Object>> now = change.dynamodb().newImage();
		Optional<Long> newCount = number(now, COUNT);
		if (newCount.isEmpty() || newCount.get() != 0) {
			return Optional.empty();
		}
		Optional<Long> oldCount = change.dynamodb().oldImage() == null ? Optional.empty()
				: number(change.dynamodb().oldImage(), COUNT);
		if (oldCount.isPresent() && oldCount.get() <= 0) {
			return Optional.empty();
		}
		String store = string(now, STORE).orElse(null);
		String item = string(now, ITEM).orElse(null);
		if (store == null || item == null) {
			return Optional.empty();
		}
		return Optional.of(new StockAlert(change.eventID(), store, item, 0, StockAlert.OUT_OF_STOCK));
	}

	private static Optional<Long> number(Map<String, Map<String, Object>> image, String attribute) {
		Map<String, Object> value = image.get(attribute);
		if (value == null || !(value.get("N") instanceof String n)) {
			return Optional.empty();
		}
		try {
			return Optional.of(new BigDecimal(n).longValueExact());
		}
		catch (ArithmeticException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static Optional<String> string(Map<String, Map<String, Object>> image, String attribute) {
		Map<String, Object> value = image.get(attribute);
		return value != null && value.get("S") instanceof String s ? Optional.of(s) : Optional.empty();
	}

}
