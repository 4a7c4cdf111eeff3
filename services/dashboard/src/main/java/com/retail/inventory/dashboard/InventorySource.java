package com.retail.inventory.dashboard;

import java.util.List;
import java.util.Map;

/**
 * Where {@link InventoryView} reads the inventory from: the Inventory table in the
 * application ({@link InventoryRepository}), a fake in unit tests.
 */
interface InventorySource {

	/**
	 * @return every store's items (one paginated Scan)
	 */
	Map<String, List<TableItem>> scanAll();

	/**
	 * @param store a store
	 * @return its items now (one Query); empty when the store has none
	 */
	List<TableItem> readStore(String store);

}
