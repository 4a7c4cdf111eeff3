package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.InventoryChangeRecord;
import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.StockState;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a table change deserves an alert. Plain Java: no AWS in here.
 *
 * <p>
 * Out of stock ({@link StockState}): the item is out of stock now and was not before (in
 * stock, a new item, or one without a count). An item that was already out of stock does
 * not alert again, so re-uploading a file changes nothing.
 */
public final class StockRules {

	public Optional<StockAlert> evaluate(InventoryChangeRecord change) {
		if (change.dynamodb() == null || change.dynamodb().newImage() == null) {
			return Optional.empty(); // deletions do not alert
		}
		Map<String, Map<String, Object>> now = change.dynamodb().newImage();
		Map<String, Map<String, Object>> before = change.dynamodb().oldImage();
		StockState state = StockState.of(number(now, InventoryTable.COUNT));
		StockState previous = (before != null) ? StockState.of(number(before, InventoryTable.COUNT))
				: StockState.UNKNOWN;
		if (state != StockState.OUT_OF_STOCK || previous == StockState.OUT_OF_STOCK) {
			return Optional.empty();
		}
		String store = string(now, InventoryTable.STORE);
		String item = string(now, InventoryTable.ITEM);
		if (store == null || item == null) {
			return Optional.empty();
		}
		return Optional.of(new StockAlert(change.eventID(), store, item, 0, StockAlert.OUT_OF_STOCK));
	}

	/**
	 * @return the whole number in a DynamoDB JSON {@code N} value, or null when absent or
	 * not one
	 */
	private static Long number(Map<String, Map<String, Object>> image, String attribute) {
		Map<String, Object> value = image.get(attribute);
		if (value == null || !(value.get("N") instanceof String n)) {
			return null;
		}
		try {
			return new BigDecimal(n).longValueExact();
		}
		catch (ArithmeticException | NumberFormatException ex) {
			return null;
		}
	}

	private static String string(Map<String, Map<String, Object>> image, String attribute) {
		Map<String, Object> value = image.get(attribute);
		return (value != null && value.get("S") instanceof String s) ? s : null;
	}

}
