package com.retail.inventory.examples.changestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.contracts.InventoryChangeRecord;
import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.RecordVersion;
import com.retail.inventory.contracts.UploadRef;
import com.retail.inventory.local.AwsEndpoints;
import com.retail.inventory.local.ChangeRecordMapper;
import com.retail.inventory.local.ChangeStreamBridge;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example against the local platform's emulators: items written to the
 * {@code Inventory} table as the loader writes them reach {@code inventory-changes}
 * through the local bridge (the record format of Kinesis Data Streams for DynamoDB), and
 * the example consumer receives each as {@code store/item count old→new}. A change
 * delivered again and a late older one are received but not applied; a record that is no
 * change is skipped. The binder creates the example's checkpoint and lock tables itself
 * (README.md).
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ChangeStreamConsumerIntegrationTests {

	private static final Duration DELIVERY = Duration.ofSeconds(120);

	private static final UploadRef MONDAY = UploadRef.of("inventory-uploads", "berlin.csv", "v1", "e1", "0A",
			"2026-12-07T08:00:00.000Z");

	private static final UploadRef TUESDAY = UploadRef.of("inventory-uploads", "berlin.csv", "v2", "e2", "0B",
			"2026-12-08T08:00:00.000Z");

	private static final UploadRef WEDNESDAY = UploadRef.of("inventory-uploads", "berlin.csv", "v3", "e3", "0C",
			"2026-12-09T08:00:00.000Z");

	@Autowired
	private ReceivedChanges changes;

	@Test
	void receivesEveryChangeOfTheTableAndAppliesOnlyNewerOnes(LocalAwsClients aws, LocalResources resources) {
		putItem(aws, resources, "Berlin", "Echo Dot", 4, MONDAY);
		putItem(aws, resources, "Berlin", "Echo Dot", 0, TUESDAY);
		// A newer upload with the same count: the item is rewritten, a MODIFY with equal
		// counts.
		putItem(aws, resources, "Berlin", "Echo Dot", 0, WEDNESDAY);
		putItem(aws, resources, "Pusan", "Echo Show", 7, MONDAY);

		try (ChangeStreamBridge bridge = new ChangeStreamBridge(aws, resources.inventoryTableStreamArn(),
				resources.inventoryTable(), resources.changesStream())
			.start()) {
			await().atMost(DELIVERY).until(() -> this.changes.received().size() >= 4);
		}
		assertThat(summaries("Berlin/Echo Dot")).containsExactly("INSERT Berlin/Echo Dot count -→4",
				"MODIFY Berlin/Echo Dot count 4→0", "MODIFY Berlin/Echo Dot count 0→0");
		assertThat(summaries("Pusan/Echo Show")).containsExactly("INSERT Pusan/Echo Show count -→7");
		ItemChange latest = this.changes.latest("Berlin", "Echo Dot").orElseThrow();
		assertThat(latest.version()).isEqualTo(RecordVersion.of(WEDNESDAY, 1));
		assertThat(latest.newCount()).isZero();

		// At least once, in any order: Tuesday's change delivered late, a second time.
		// And
		// something that is not a change at all.
		Record late = tableChange("late-tuesday", item("Berlin", "Echo Dot", 4, MONDAY),
				item("Berlin", "Echo Dot", 0, TUESDAY));
		aws.kinesis()
			.putRecord((b) -> b.streamName(resources.changesStream())
				.partitionKey("garbage")
				.data(SdkBytes.fromUtf8String("not a change")));
		aws.kinesis()
			.putRecord((b) -> b.streamName(resources.changesStream())
				.partitionKey(ChangeRecordMapper.partitionKey(late))
				.data(SdkBytes.fromByteArray(bridgeRecord(late))));
		await().atMost(DELIVERY).until(() -> this.changes.received().size() >= 5);

		assertThat(summaries("Berlin/Echo Dot")).hasSize(4).last().isEqualTo("MODIFY Berlin/Echo Dot count 4→0");
		assertThat(this.changes.latest("Berlin", "Echo Dot")).as("not moved back by the late change").contains(latest);
		assertThat(this.changes.received()).hasSize(5);
	}

	private List<String> summaries(String key) {
		return this.changes.received()
			.stream()
			.filter((change) -> change.key().equals(key))
			.map((change) -> change.eventName() + " " + change.summary())
			.toList();
	}

	/** An item as the loader writes it. */
	private static Map<String, AttributeValue> item(String store, String item, long count, UploadRef upload) {
		Map<String, AttributeValue> attributes = new LinkedHashMap<>();
		attributes.put(InventoryTable.STORE, AttributeValue.fromS(store));
		attributes.put(InventoryTable.ITEM, AttributeValue.fromS(item));
		attributes.put(InventoryTable.COUNT, AttributeValue.fromN(Long.toString(count)));
		attributes.put(InventoryTable.UPLOAD_ID, AttributeValue.fromS(upload.id()));
		attributes.put(InventoryTable.ROW_NUMBER, AttributeValue.fromN("1"));
		attributes.put(InventoryTable.UPDATED_AT, AttributeValue.fromS(upload.eventTime()));
		attributes.put(InventoryTable.VERSION, AttributeValue.fromS(RecordVersion.of(upload, 1)));
		return attributes;
	}

	private static void putItem(LocalAwsClients aws, LocalResources resources, String store, String item, long count,
			UploadRef upload) {
		aws.dynamoDb().putItem((b) -> b.tableName(resources.inventoryTable()).item(item(store, item, count, upload)));
	}

	/** A change of the table, as its DynamoDB stream reports it. */
	private static Record tableChange(String eventId, Map<String, AttributeValue> oldImage,
			Map<String, AttributeValue> newImage) {
		return Record.builder()
			.eventID(eventId)
			.eventName(OperationType.MODIFY)
			.eventSource("aws:dynamodb")
			.dynamodb(StreamRecord.builder()
				.keys(Map.of(InventoryTable.STORE, newImage.get(InventoryTable.STORE), InventoryTable.ITEM,
						newImage.get(InventoryTable.ITEM)))
				.oldImage(oldImage)
				.newImage(newImage)
				.approximateCreationDateTime(Instant.now())
				.sequenceNumber("1")
				.sizeBytes(200L)
				.streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
				.build())
			.build();
	}

	/**
	 * The record the local bridge writes to inventory-changes for a change of the table.
	 */
	private static byte[] bridgeRecord(Record change) {
		InventoryChangeRecord record = new ChangeRecordMapper(AwsEndpoints.REGION, "Inventory").map(change)
			.orElseThrow();
		return JsonMapper.builder().build().writeValueAsBytes(record);
	}

}
