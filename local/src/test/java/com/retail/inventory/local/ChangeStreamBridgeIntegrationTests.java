package com.retail.inventory.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.LeaseTableAttributes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(LocalAwsExtension.class)
class ChangeStreamBridgeIntegrationTests {

	@Test
	void forwardsTableChangesInTheKinesisDataStreamsForDynamoDbFormat(LocalAwsClients aws, LocalResources resources) {
		put(aws, resources, "Berlin", "Echo Plus", "4");
		put(aws, resources, "Berlin", "Echo Plus", "4"); // no change: AWS writes no
															// record
		put(aws, resources, "Berlin", "Echo Plus", "0");

		try (ChangeStreamBridge bridge = new ChangeStreamBridge(aws, resources.inventoryTableStreamArn(),
				resources.inventoryTable(), resources.changesStream())) {
			assertThat(bridge.pollOnce()).isEqualTo(2);
		}

		List<JsonNode> records = readAll(aws, resources.changesStream());
		assertThat(records).hasSize(2);
		assertThat(records.get(0).get("eventName").asString()).isEqualTo("INSERT");
		assertThat(records.get(0).get("eventSource").asString()).isEqualTo("aws:dynamodb");
		assertThat(records.get(0).get("recordFormat").asString()).isEqualTo("application/json");
		assertThat(records.get(0).get("tableName").asString()).isEqualTo("Inventory");
		JsonNode modify = records.get(1).get("dynamodb");
		assertThat(records.get(1).get("eventName").asString()).isEqualTo("MODIFY");
		assertThat(modify.get("Keys").get(InventoryTable.STORE).get("S").asString()).isEqualTo("Berlin");
		assertThat(modify.get("OldImage").get(InventoryTable.COUNT).get("N").asString()).isEqualTo("4");
		assertThat(modify.get("NewImage").get(InventoryTable.COUNT).get("N").asString()).isEqualTo("0");
		// Kinesis Data Streams for DynamoDB reports milliseconds, DynamoDB Streams
		// seconds.
		assertThat(modify.get("ApproximateCreationDateTime").asLong()).isGreaterThan(1_600_000_000_000L);
	}

	@Test
	void provisionsEveryNamedResource(LocalAwsClients aws, LocalResources resources) {
		assertThat(aws.dynamoDb().listTables().tableNames()).contains("Inventory", "InventoryAlertLog",
				"InventoryLoaderLeases", "InventoryLoaderCoordinatorState", "InventoryLoaderWorkerMetrics",
				"InventoryStockAlertLeases", "InventoryStockAlertCoordinatorState", "InventoryStockAlertWorkerMetrics");
		// KCL finds its lease table's owner index and need not add it (UpdateTable).
		assertThat(aws.dynamoDb()
			.describeTable((b) -> b.tableName("InventoryLoaderLeases"))
			.table()
			.globalSecondaryIndexes()).singleElement()
			.satisfies((index) -> assertThat(index.indexName()).isEqualTo(LeaseTableAttributes.OWNER_INDEX));
		assertThat(aws.kinesis().listStreams().streamNames()).contains("inventory-records", "inventory-changes");
		assertThat(aws.s3().listBuckets().buckets()).anyMatch(b -> b.name().equals("inventory-uploads"));
		assertThat(resources.uploadQueueUrl()).endsWith("/inventory-upload-events");
		assertThat(resources.noStockTopicArn()).endsWith(":NoStock");
	}

	private static void put(LocalAwsClients aws, LocalResources resources, String store, String item, String count) {
		aws.dynamoDb()
			.putItem(b -> b.tableName(resources.inventoryTable())
				.item(Map.of(InventoryTable.STORE, AttributeValue.fromS(store), InventoryTable.ITEM,
						AttributeValue.fromS(item), InventoryTable.COUNT, AttributeValue.fromN(count))));
	}

	static List<JsonNode> readAll(LocalAwsClients aws, String stream) {
		JsonMapper json = JsonMapper.builder().build();
		return KinesisStreamReader.readAll(aws.kinesis(), stream)
			.stream()
			.map(record -> json.readTree(record.data().asByteArray()))
			.toList();
	}

}
