package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.ThresholdRules;
import com.retail.inventory.contracts.InventoryChangeRecord;
import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.StockLevel;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a table change moves an item from one {@link StockLevel} to another
 * (out of stock, low, fine), which is what alerts are about. Plain Java: no AWS in here.
 * Both images are measured against the item's threshold as it is now; a change that
 * leaves the level as it was (a re-upload of the same counts, a count that stays low) is
 * no transition and alerts nobody.
 */
public final class StockRules {

	/**
	 * @param change a change of the Inventory table
	 * @param thresholds the low-stock thresholds in force
	 * @return the transition it makes, if any
	 */
	public Optional<Transition> evaluate(InventoryChangeRecord change, ThresholdRules thresholds) {
		if (change.dynamodb() == null || change.dynamodb().newImage() == null) {
			return Optional.empty(); // deletions do not alert
		}
		Map<String, Map<String, Object>> now = change.dynamodb().newImage();
		Map<String, Map<String, Object>> before = change.dynamodb().oldImage();
		String store = string(now, InventoryTable.STORE);
		String item = string(now, InventoryTable.ITEM);
		Long count = number(now, InventoryTable.COUNT);
		if (store == null || item == null || count == null) {
			return Optional.empty();
		}
		Long threshold = thresholds.lowStock(store, item);
		StockLevel level = StockLevel.of(count, threshold);
		StockLevel previous = (before != null) ? StockLevel.of(number(before, InventoryTable.COUNT), threshold)
				: StockLevel.UNKNOWN;
		// A new item that is fine is no transition either: recording one for every new
		// item would cost a write per row of a new store's first file.
		if (level == previous || (level == StockLevel.OK && previous == StockLevel.UNKNOWN)) {
			return Optional.empty();
		}
		return Optional.of(new Transition(store, item, count, threshold, previous, level,
				string(now, InventoryTable.VERSION), string(now, InventoryTable.UPLOAD_ID)));
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
