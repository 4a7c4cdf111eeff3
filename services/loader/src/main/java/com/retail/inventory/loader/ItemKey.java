package com.retail.inventory.loader;

import com.retail.inventory.contracts.InventoryRecordEvent;
import com.retail.inventory.contracts.InventoryTable;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key of one Inventory item.
 *
 * @param store hash key
 * @param item range key
 */
record ItemKey(String store, String item) {

	static ItemKey of(InventoryRecordEvent event) {
		return new ItemKey(event.store(), event.item());
	}

	static ItemKey of(Map<String, AttributeValue> item) {
		return new ItemKey(item.get(InventoryTable.STORE).s(), item.get(InventoryTable.ITEM).s());
	}

	Map<String, AttributeValue> attributes() {
		return Map.of(InventoryTable.STORE, AttributeValue.fromS(this.store), InventoryTable.ITEM,
				AttributeValue.fromS(this.item));
	}

}
