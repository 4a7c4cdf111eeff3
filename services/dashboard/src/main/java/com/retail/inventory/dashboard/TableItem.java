package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.InventoryTable;

/**
 * One store item as the Inventory table ({@link InventoryTable}) holds it, before any
 * threshold is applied.
 *
 * @param item item name
 * @param count units in stock; null when the item has no count
 * @param updatedAt when the count was true (ISO-8601, as stored), if known
 * @param uploadId the upload it came from, if known
 */
record TableItem(String item, Long count, String updatedAt, String uploadId) {
}
