package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.StockState;

/**
 * One item of one store.
 *
 * @param item item name
 * @param count units in stock; null when the item has no count
 * @param outOfStock whether the item is out of stock ({@link StockState#OUT_OF_STOCK})
 * @param updatedAt when the loader last wrote it (ISO-8601), if known
 * @param uploadId the upload it came from, if known
 */
public record ItemStock(String item, Long count, boolean outOfStock, String updatedAt, String uploadId) {

	public static ItemStock of(String item, Long count, String updatedAt, String uploadId) {
		return new ItemStock(item, count, StockState.of(count) == StockState.OUT_OF_STOCK, updatedAt, uploadId);
	}

}
