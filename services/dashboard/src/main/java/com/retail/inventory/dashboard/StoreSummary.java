package com.retail.inventory.dashboard;

/**
 * One store, as {@code GET /api/stores} lists it.
 *
 * @param store store name
 * @param items how many items the store has
 * @param outOfStock how many of them are at 0
 * @param lowStock how many are in stock but below their low-stock threshold
 * @param units units in stock, all items together
 * @param updatedAt the latest {@link ItemStock#updatedAt()} of its items, or null
 */
public record StoreSummary(String store, int items, int outOfStock, int lowStock, long units, String updatedAt) {
}
