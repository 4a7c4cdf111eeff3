package com.retail.inventory.dashboard;

/**
 * @param store store name
 * @param items how many items the store has
 * @param outOfStock how many of them are at 0
 */
public record StoreSummary(String store, int items, int outOfStock) {
}
