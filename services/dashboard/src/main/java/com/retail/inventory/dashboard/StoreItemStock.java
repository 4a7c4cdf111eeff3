package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.StockLevel;

/**
 * One item in one store, as {@code GET /api/items/{item}} lists it.
 *
 * @param store store name
 * @param count units in stock; null when the item has no count
 * @param outOfStock whether the item is out of stock
 * @param level where the count stands against the item's low-stock threshold
 * @param lowStock the threshold that applies, or null
 * @param updatedAt when the count was true (ISO-8601 with milliseconds), if known
 */
public record StoreItemStock(String store, Long count, boolean outOfStock, StockLevel level, Long lowStock,
		String updatedAt) {

	static StoreItemStock of(String store, ItemStock item) {
		return new StoreItemStock(store, item.count(), item.outOfStock(), item.level(), item.lowStock(),
				item.updatedAt());
	}

}
