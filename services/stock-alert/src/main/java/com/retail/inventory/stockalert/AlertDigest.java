package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.AlertType;
import java.util.List;

/**
 * One message instead of many: the alerts of one type that one upload caused for one
 * store, when there are more than a subscriber wants to receive one by one.
 *
 * @param store store name
 * @param type what happened to the items
 * @param items the items, in the order of their changes
 */
record AlertDigest(String store, AlertType type, List<String> items) {

	/** Items named in the message; the rest are counted. */
	static final int ITEMS_NAMED = 12;

	String message() {
		String what = switch (this.type) {
			case OUT_OF_STOCK -> "out of stock";
			case LOW_STOCK -> "low on stock";
			case BACK_IN_STOCK -> "back in stock";
		};
		StringBuilder message = new StringBuilder(this.store).append(": ")
			.append(this.items.size())
			.append(" items ")
			.append(what)
			.append(": ")
			.append(String.join(", ", this.items.subList(0, Math.min(ITEMS_NAMED, this.items.size()))));
		if (this.items.size() > ITEMS_NAMED) {
			message.append(", … (and ").append(this.items.size() - ITEMS_NAMED).append(" more)");
		}
		return message.toString();
	}

}
