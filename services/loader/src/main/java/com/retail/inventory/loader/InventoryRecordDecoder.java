package com.retail.inventory.loader;

import com.retail.inventory.contracts.InventoryRecordEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes one Kinesis record into an event, or says why it is not one. Such a record can
 * never be loaded, and retrying it would stall its whole shard: it goes to the
 * dead-letter queue with that reason.
 */
final class InventoryRecordDecoder {

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/**
	 * A decoded record: the event, or the problem.
	 *
	 * @param event the event, when the record is one
	 * @param problem why it is not, otherwise
	 */
	record Decoded(InventoryRecordEvent event, String problem) {
	}

	Decoded decode(byte[] data) {
		try {
			InventoryRecordEvent event = this.json.readValue(data, InventoryRecordEvent.class);
			String problem = problemWith(event);
			return (problem == null) ? new Decoded(event, null)
					: new Decoded(null, "breaks the inventory-record contract: " + problem);
		}
		catch (JacksonException ex) {
			return new Decoded(null, "not JSON of the inventory-record contract: " + ex.getOriginalMessage());
		}
	}

	private static String problemWith(InventoryRecordEvent event) {
		if (event == null) {
			return "empty";
		}
		if (event.store() == null || event.store().isBlank() || event.item() == null || event.item().isBlank()) {
			return "store and item are required";
		}
		if (event.partitionKey().length() > InventoryRecordEvent.MAX_PARTITION_KEY_CHARS) {
			return "store and item are longer than " + InventoryRecordEvent.MAX_PARTITION_KEY_CHARS + " characters";
		}
		if (event.count() < 0) {
			return "count is negative";
		}
		if (event.upload() == null || event.upload().id() == null) {
			return "upload id is required";
		}
		return null;
	}

}
