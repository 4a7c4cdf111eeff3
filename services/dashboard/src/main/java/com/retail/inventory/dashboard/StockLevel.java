package com.retail.inventory.dashboard;

/**
 * One item of one store.
 *
 * @param item item name
 * @param count units in stock
 * @param outOfStock whether the count is 0
 * @param updatedAt when the loader last wrote it (ISO-8601), if known
 * @param uploadId the upload it came from, if known
 */
public record StockLevel(String item, long count, boolean outOfStock, String updatedAt, String uploadId) {

	public static StockLevel of(String item, long count, String updatedAt, String uploadId) {
		return new StockLevel(item, count, count == 0, updatedAt, uploadId);
	}
}
