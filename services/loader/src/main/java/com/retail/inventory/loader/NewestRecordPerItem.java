package com.retail.inventory.loader;

import com.retail.inventory.contracts.InventoryRecordEvent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collapses a batch to one record per store item: the one of the newest version (its
 * {@link InventoryRecordEvent#version()}), whatever order the stream delivered them in.
 * Needed because a BatchWriteItem request may not name the same key twice, and it saves a
 * write per repeated row.
 */
final class NewestRecordPerItem {

	private NewestRecordPerItem() {
	}

	static List<InventoryRecordEvent> of(Collection<InventoryRecordEvent> events) {
		Map<ItemKey, InventoryRecordEvent> newest = new LinkedHashMap<>();
		for (InventoryRecordEvent event : events) {
			newest.merge(ItemKey.of(event), event,
					(kept, next) -> (next.version().compareTo(kept.version()) >= 0) ? next : kept);
		}
		return List.copyOf(newest.values());
	}

}
