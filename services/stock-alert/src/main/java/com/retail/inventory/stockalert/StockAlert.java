package com.retail.inventory.stockalert;

/**
 * An alert to send.
 *
 * @param id identity of the change that caused it; the same change never alerts twice
 * @param store store name
 * @param item item name
 * @param count units left (0 for out of stock)
 * @param type alert type, e.g. {@code OUT_OF_STOCK}
 */
public record StockAlert(String id, String store, String item, long count, String type) {

	public static final String OUT_OF_STOCK = "OUT_OF_STOCK";

	public static final String SUBJECT = "Inventory Alert!";

	public String message() {
		return store + " is out of stock of " + item;
	}
}
