package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.InventoryChangeRecord;
import com.retail.inventory.contracts.PayloadPreview;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes a Kinesis Data Streams for DynamoDB record; one that is not such a record is
 * logged and skipped.
 */
final class ChangeRecordDecoder {

	private static final Logger log = LoggerFactory.getLogger(ChangeRecordDecoder.class);

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	Optional<InventoryChangeRecord> decode(byte[] data) {
		try {
			InventoryChangeRecord record = json.readValue(data, InventoryChangeRecord.class);
			if (record.eventID() != null && record.dynamodb() != null) {
				return Optional.of(record);
			}
			log.error("Skipping change record without eventID or dynamodb section: {}", PayloadPreview.of(data));
		}
		catch (JacksonException ex) {
			log.error("Skipping change record that is not JSON of the contract ({}): {}", ex.getOriginalMessage(),
					PayloadPreview.of(data));
		}
		return Optional.empty();
	}

}
