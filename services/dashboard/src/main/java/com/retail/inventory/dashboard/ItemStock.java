package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.StockLevel;
import com.retail.inventory.contracts.StockState;

/**
 * One item of one store, as {@code GET /api/stores/{store}/items} lists it.
 *
 * @param item item name
 * @param count units in stock; null when the item has no count
 * @param outOfStock whether the item is out of stock ({@link StockState#OUT_OF_STOCK})
 * @param level where the count stands against the item's low-stock threshold
 * @param lowStock the threshold that applies to the item, or null when none does
 * @param updatedAt when the count was true (ISO-8601 with milliseconds, UTC), if known
 * @param uploadId the upload it came from, if known
 */
public record ItemStock(String item, Long count, boolean outOfStock, StockLevel level, Long lowStock, String updatedAt,
		String uploadId) {

	/**
	 * @param item the item as the table holds it
	 * @param lowStock the threshold that applies to it, or null
	 */
	static ItemStock of(TableItem item, Long lowStock) {
		return new ItemStock(item.item(), item.count(), StockState.of(item.count()) == StockState.OUT_OF_STOCK,
				StockLevel.of(item.count(), lowStock), lowStock, Timestamps.millis(item.updatedAt()), item.uploadId());
	}

	/** Whether the item needs attention: out of stock or low. */
	boolean attention() {
		return this.level == StockLevel.OUT || this.level == StockLevel.LOW;
	}

}
