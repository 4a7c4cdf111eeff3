package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.StockLevel;
import java.util.List;

/**
 * The stores a user may see, together ({@code GET /api/overview}).
 *
 * @param stores how many stores
 * @param items how many store items
 * @param outOfStock how many of them are out of stock
 * @param lowStock how many are low
 * @param units units in stock, all together
 * @param attention the out-of-stock items, then the low ones, each by store and item; at
 * most {@link #MAX_ATTENTION}
 * @param attentionTotal how many items are out of stock or low (all of them, not only
 * those listed)
 */
public record Overview(int stores, long items, long outOfStock, long lowStock, long units, List<Attention> attention,
		long attentionTotal) {

	/** Rows {@link #attention} lists at most: enough for a page, small to poll. */
	static final int MAX_ATTENTION = 500;

	/**
	 * A store item that is out of stock or low.
	 *
	 * @param store store name
	 * @param item item name
	 * @param count units in stock
	 * @param level {@link StockLevel#OUT} or {@link StockLevel#LOW}
	 * @param updatedAt when the count was true (ISO-8601 with milliseconds), if known
	 */
	public record Attention(String store, String item, Long count, StockLevel level, String updatedAt) {

		static Attention of(String store, ItemStock item) {
			return new Attention(store, item.item(), item.count(), item.level(), item.updatedAt());
		}

	}

}
