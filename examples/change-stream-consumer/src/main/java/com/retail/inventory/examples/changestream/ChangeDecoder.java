package com.retail.inventory.examples.changestream;

import com.retail.inventory.contracts.InventoryChangeRecord;
import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.PayloadPreview;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes the data of one {@code inventory-changes} record (the JSON of Kinesis Data
 * Streams for DynamoDB, {@link InventoryChangeRecord}) into an {@link ItemChange}. Plain
 * Java, no Spring: a record that is not such a change is logged and skipped, never thrown
 * on (it would stop the shard).
 */
public final class ChangeDecoder {

	private static final Logger log = LoggerFactory.getLogger(ChangeDecoder.class);

	/** Unknown fields are ignored: AWS and the contract may add fields. */
	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	public Optional<ItemChange> decode(byte[] data) {
		InventoryChangeRecord record;
		try {
			record = this.json.readValue(data, InventoryChangeRecord.class);
		}
		catch (JacksonException ex) {
			log.warn("Skipping a record that is not a change record ({}): {}", ex.getOriginalMessage(),
					PayloadPreview.of(data));
			return Optional.empty();
		}
		Optional<ItemChange> change = decode(record);
		if (change.isEmpty()) {
			log.warn("Skipping a record that is not a change of an inventory item: {}", PayloadPreview.of(data));
		}
		return change;
	}

	/**
	 * @return the change, or empty when the record has no key or a count that is not a
	 * whole number
	 */
	public static Optional<ItemChange> decode(InventoryChangeRecord record) {
		InventoryChangeRecord.Change dynamodb = record.dynamodb();
		if (dynamodb == null || dynamodb.keys() == null) {
			return Optional.empty();
		}
		String store = string(dynamodb.keys(), InventoryTable.STORE);
		String item = string(dynamodb.keys(), InventoryTable.ITEM);
		if (store == null || item == null) {
			return Optional.empty();
		}
		Map<String, Map<String, Object>> image = (dynamodb.newImage() != null) ? dynamodb.newImage()
				: dynamodb.oldImage();
		try {
			return Optional
				.of(new ItemChange(record.eventID(), record.eventName(), store, item, count(dynamodb.oldImage()),
						count(dynamodb.newImage()), (image != null) ? string(image, InventoryTable.VERSION) : null,
						dynamodb.approximateCreationDateTime()));
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return Optional.empty();
		}
	}

	/** A string attribute ({@code {"S": "Berlin"}}), or null. */
	private static String string(Map<String, Map<String, Object>> image, String attribute) {
		Map<String, Object> value = image.get(attribute);
		return (value != null && value.get("S") instanceof String text) ? text : null;
	}

	/** The {@code Count} number attribute ({@code {"N": "12"}}), or null. */
	private static Long count(Map<String, Map<String, Object>> image) {
		Map<String, Object> value = (image != null) ? image.get(InventoryTable.COUNT) : null;
		if (value == null || !(value.get("N") instanceof String number)) {
			return null;
		}
		return new BigDecimal(number).longValueExact();
	}

}
