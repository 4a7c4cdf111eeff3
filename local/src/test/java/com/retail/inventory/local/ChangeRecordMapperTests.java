package com.retail.inventory.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

class ChangeRecordMapperTests {

	private final ChangeRecordMapper mapper = new ChangeRecordMapper("eu-west-1", "Inventory");

	private static Map<String, AttributeValue> item(String count) {
		return Map.of(InventoryTable.STORE, AttributeValue.fromS("Pusan"), InventoryTable.ITEM,
				AttributeValue.fromS("Echo Show"), InventoryTable.COUNT, AttributeValue.fromN(count));
	}

	private static Record record(OperationType type, Map<String, AttributeValue> oldImage,
			Map<String, AttributeValue> newImage) {
		StreamRecord.Builder change = StreamRecord.builder()
			.keys(Map.of(InventoryTable.STORE, AttributeValue.fromS("Pusan"), InventoryTable.ITEM,
					AttributeValue.fromS("Echo Show")))
			.approximateCreationDateTime(Instant.ofEpochSecond(1_700_000_000L))
			.sizeBytes(42L);
		if (oldImage != null) {
			change.oldImage(oldImage);
		}
		if (newImage != null) {
			change.newImage(newImage);
		}
		return Record.builder().eventID("id-1").eventName(type).dynamodb(change.build()).build();
	}

	@Test
	void mapsAModifyWithBothImagesAndMilliseconds() {
		var mapped = mapper.map(record(OperationType.MODIFY, item("5"), item("0"))).orElseThrow();
		assertThat(mapped.awsRegion()).isEqualTo("eu-west-1");
		assertThat(mapped.eventID()).isEqualTo("id-1");
		assertThat(mapped.eventName()).isEqualTo("MODIFY");
		assertThat(mapped.dynamodb().approximateCreationDateTime()).isEqualTo(1_700_000_000_000L);
		assertThat(mapped.dynamodb().oldImage().get(InventoryTable.COUNT)).isEqualTo(Map.of("N", "5"));
		assertThat(mapped.dynamodb().newImage().get(InventoryTable.COUNT)).isEqualTo(Map.of("N", "0"));
		assertThat(mapped.dynamodb().sizeBytes()).isEqualTo(42L);
	}

	@Test
	void dropsAModifyThatChangedNothing() {
		assertThat(mapper.map(record(OperationType.MODIFY, item("5"), item("5")))).isEmpty();
	}

	@Test
	void insertHasNoOldImageAndRemoveNoNewImage() {
		assertThat(mapper.map(record(OperationType.INSERT, null, item("5"))).orElseThrow().dynamodb().oldImage())
			.isNull();
		assertThat(mapper.map(record(OperationType.REMOVE, item("5"), null)).orElseThrow().dynamodb().newImage())
			.isNull();
	}

	@Test
	void writesNestedValuesInDynamoDbJson() {
		var value = AttributeValue.fromM(Map.of("tags", AttributeValue.fromL(List.of(AttributeValue.fromS("a"))), "ok",
				AttributeValue.fromBool(true)));
		assertThat(ChangeRecordMapper.typed(value))
			.isEqualTo(Map.of("M", Map.of("tags", Map.of("L", List.of(Map.of("S", "a"))), "ok", Map.of("BOOL", true))));
	}

	@Test
	void partitionKeyIsTheItemKey() {
		assertThat(ChangeRecordMapper.partitionKey(record(OperationType.INSERT, null, item("1"))))
			.isEqualTo("Item=Echo Show;Store=Pusan;");
	}

}
