package com.retail.inventory.local;

import com.retail.inventory.contracts.InventoryChangeRecord;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Turns a DynamoDB Streams record into the record <em>Kinesis Data Streams for
 * DynamoDB</em> would write for the same change. Pure function, so its fidelity is
 * unit-tested without emulators.
 */
public final class ChangeRecordMapper {

	private final String region;

	private final String tableName;

	public ChangeRecordMapper(String region, String tableName) {
		this.region = region;
		this.tableName = tableName;
	}

	/**
	 * @return the Kinesis record, or empty when AWS would not write one: a put that
	 * changed nothing (the emulator reports those as MODIFY with equal images; DynamoDB
	 * does not).
	 */
	public Optional<InventoryChangeRecord> map(Record record) {
		StreamRecord change = record.dynamodb();
		if (record.eventName() == OperationType.MODIFY && change.hasOldImage() && change.hasNewImage()
				&& change.oldImage().equals(change.newImage())) {
			return Optional.empty();
		}
		// DynamoDB Streams reports seconds; the Kinesis destination reports epoch
		// milliseconds.
		long createdMillis = change.approximateCreationDateTime() == null ? System.currentTimeMillis()
				: change.approximateCreationDateTime().toEpochMilli();
		var dynamodb = new InventoryChangeRecord.Change(createdMillis, json(change.keys()),
				change.hasNewImage() ? json(change.newImage()) : null,
				change.hasOldImage() ? json(change.oldImage()) : null,
				change.sizeBytes() == null ? 0 : change.sizeBytes());
		return Optional.of(new InventoryChangeRecord(region, record.eventID(), record.eventNameAsString(), null,
				"application/json", tableName, dynamodb, "aws:dynamodb"));
	}

	/**
	 * Kinesis partition key for a change: the item's key, so one item's changes stay in
	 * order.
	 */
	public static String partitionKey(Record record) {
		StringBuilder key = new StringBuilder();
		record.dynamodb().keys().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
			key.append(entry.getKey()).append('=').append(scalar(entry.getValue())).append(';');
		});
		return key.length() > 256 ? Integer.toHexString(key.toString().hashCode()) : key.toString();
	}

	private static String scalar(AttributeValue value) {
		return value.s() != null ? value.s() : value.n() != null ? value.n() : String.valueOf(value);
	}

	static Map<String, Map<String, Object>> json(Map<String, AttributeValue> item) {
		Map<String, Map<String, Object>> json = new LinkedHashMap<>();
		item.forEach((name, value) -> json.put(name, typed(value)));
		return json;
	}

	/** DynamoDB JSON: one type descriptor per value, as the AWS APIs write it. */
	static Map<String, Object> typed(AttributeValue value) {
		return switch (value.type()) {
			case S -> Map.of("S", value.s());
			case N -> Map.of("N", new BigDecimal(value.n()).toPlainString());
			case BOOL -> Map.of("BOOL", value.bool());
			case NUL -> Map.of("NULL", true);
			case B -> Map.of("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
			case SS -> Map.of("SS", List.copyOf(value.ss()));
			case NS -> Map.of("NS", List.copyOf(value.ns()));
			case L -> Map.of("L", value.l().stream().map(ChangeRecordMapper::typed).toList());
			case M -> Map.of("M", json(value.m()));
			default -> throw new IllegalArgumentException("Unsupported DynamoDB attribute value: " + value);
		};
	}

}
