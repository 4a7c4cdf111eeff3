package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.InventoryChangeRecord;
import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.PayloadPreview;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which stores a batch of {@code inventory-changes} records changed. Only the store
 * matters: the view reads a changed store again from the table, so the order, repeats and
 * images of the records do not. A record that is not a change record is logged and
 * skipped.
 */
final class ChangedStores {

	private static final Logger log = LoggerFactory.getLogger(ChangedStores.class);

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/**
	 * @param records the data of the Kinesis records
	 * @return the stores they name, each once
	 */
	Set<String> of(Collection<byte[]> records) {
		Set<String> stores = new LinkedHashSet<>();
		for (byte[] data : records) {
			String store = store(data);
			if (store != null) {
				stores.add(store);
			}
		}
		return stores;
	}

	private String store(byte[] data) {
		try {
			InventoryChangeRecord record = this.json.readValue(data, InventoryChangeRecord.class);
			Map<String, Object> key = (record.dynamodb() != null && record.dynamodb().keys() != null)
					? record.dynamodb().keys().get(InventoryTable.STORE) : null;
			Object store = (key != null) ? key.get("S") : null;
			if (store instanceof String name) {
				return name;
			}
			log.error("Skipping change record without a {} key: {}", InventoryTable.STORE, PayloadPreview.of(data));
		}
		catch (JacksonException ex) {
			log.error("Skipping change record that is not JSON of the contract ({}): {}", ex.getOriginalMessage(),
					PayloadPreview.of(data));
		}
		return null;
	}

}
