package com.retail.inventory.loader;

import com.retail.inventory.contracts.InventoryRecordEvent;
import com.retail.inventory.contracts.PayloadPreview;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes one Kinesis record into an event. A record that is not a valid event is logged
 * and skipped: retrying it could never succeed and would stall its whole shard.
 */
final class InventoryRecordDecoder {

	private static final Logger log = LoggerFactory.getLogger(InventoryRecordDecoder.class);

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	Optional<InventoryRecordEvent> decode(byte[] data) {
		try {
			InventoryRecordEvent event = json.readValue(data, InventoryRecordEvent.class);
			String problem = problemWith(event);
			if (problem == null) {
				return Optional.of(event);
			}
			log.error("Skipping inventory record that breaks the contract ({}): {}", problem, PayloadPreview.of(data));
		}
		catch (JacksonException ex) {
			log.error("Skipping inventory record that is not JSON of the contract ({}): {}", ex.getOriginalMessage(),
					PayloadPreview.of(data));
		}
		return Optional.empty();
	}

	private static String problemWith(InventoryRecordEvent event) {
		if (event.store() == null || event.store().isBlank() || event.item() == null || event.item().isBlank()) {
			return "store and item are required";
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
