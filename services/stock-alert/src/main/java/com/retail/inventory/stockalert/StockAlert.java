package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.AlertType;

/**
 * An alert to send.
 *
 * @param store store name
 * @param item item name
 * @param count units left
 * @param threshold the item's low-stock threshold, or null when it has none
 * @param type what happened
 */
public record StockAlert(String store, String item, long count, Long threshold, AlertType type) {

	public String message() {
		return switch (this.type) {
			case OUT_OF_STOCK -> this.store + " is out of stock of " + this.item;
			case LOW_STOCK ->
				this.store + " is low on " + this.item + ": " + this.count + " left (threshold " + this.threshold + ")";
			case BACK_IN_STOCK -> this.store + " has " + this.item + " back in stock: " + this.count;
		};
	}

}
