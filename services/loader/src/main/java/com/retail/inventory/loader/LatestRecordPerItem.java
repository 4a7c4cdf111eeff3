package com.retail.inventory.loader;

import com.retail.inventory.contracts.InventoryRecordEvent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collapses a batch to one event per store item, keeping the last in stream order. One
 * item's events share a partition key, hence a shard, so stream order is the order ingest
 * published them. Needed because a BatchWriteItem request may not name the same key
 * twice, and it saves a write per repeated row.
 */
final class LatestRecordPerItem {

	private LatestRecordPerItem() {
	}

	static List<InventoryRecordEvent> of(Collection<InventoryRecordEvent> events) {
		Map<List<String>, InventoryRecordEvent> latest = new LinkedHashMap<>();
		for (InventoryRecordEvent event : events) {
			List<String> key = List.of(event.store(), event.item());
			latest.remove(key);
			latest.put(key, event);
		}
		return List.copyOf(latest.values());
	}

}
