package com.retail.inventory.bench;

import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.local.Emulators;
import com.retail.inventory.local.LocalAwsClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@code ./inventory bench emulator-costs}: what each DynamoDB operation of the pipeline
 * costs the local moto_server, in its own CPU time per row, on a fresh emulator. moto
 * serves every request on one core, so these costs, summed per row, bound what the local
 * platform can load per second, whatever the services do.
 */
final class EmulatorCostBenchmark {

	private static final int ROWS = 10_000;

	private final Path root;

	EmulatorCostBenchmark(Path root) {
		this.root = root;
	}

	void run() throws Exception {
		Path work = this.root.resolve("bench/target/emulator-costs");
		try (Emulators emulators = Emulators.start(this.root, 0, 0, work.resolve("logs"), work.resolve("kinesis-data"));
				LocalAwsClients aws = new LocalAwsClients(emulators.endpoints())) {
			ProcessHandle moto = ProcessHandle.current()
				.descendants()
				.filter((p) -> p.info().commandLine().map((c) -> c.contains("moto_server")).orElse(false))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("moto_server is not a child process"));
			DynamoDbClient dynamoDb = aws.dynamoDb();
			String streamArn = table(dynamoDb, "Streamed", true);
			table(dynamoDb, "Plain", false);
			System.out.printf("moto_server CPU per row, %,d rows of the Inventory table's shape:%n", ROWS);
			report("BatchGetItem, 100 keys, items absent (new items)", moto, () -> read(dynamoDb, "Streamed"));
			report("BatchWriteItem, 25 items, table with a stream", moto, () -> write(dynamoDb, "Streamed", 0));
			report("BatchWriteItem, 25 items, table without a stream", moto, () -> write(dynamoDb, "Plain", 0));
			report("BatchGetItem, 100 keys, items present", moto, () -> read(dynamoDb, "Streamed"));
			report("DynamoDB Streams GetRecords, 1,000 new images", moto, () -> readStream(aws, streamArn));
			report("PutItem, one item per request", moto, () -> {
				for (int row = 0; row < ROWS; row++) {
					Map<String, AttributeValue> item = item(row + ROWS);
					dynamoDb.putItem((b) -> b.tableName("Plain").item(item));
				}
			});
		}
	}

	private static void report(String what, ProcessHandle moto, Runnable operation) {
		Duration before = moto.info().totalCpuDuration().orElse(Duration.ZERO);
		long start = System.nanoTime();
		operation.run();
		double wall = (System.nanoTime() - start) / 1e6 / ROWS;
		double cpu = moto.info().totalCpuDuration().orElse(Duration.ZERO).minus(before).toNanos() / 1e6 / ROWS;
		System.out.printf("  %-52s %6.2f ms   (wall %6.2f ms per row)%n", what, cpu, wall);
	}

	private static String table(DynamoDbClient dynamoDb, String name, boolean stream) {
		return dynamoDb.createTable((b) -> {
			b.tableName(name)
				.keySchema((k) -> k.attributeName(InventoryTable.STORE).keyType(KeyType.HASH),
						(k) -> k.attributeName(InventoryTable.ITEM).keyType(KeyType.RANGE))
				.attributeDefinitions((a) -> a.attributeName(InventoryTable.STORE).attributeType(ScalarAttributeType.S),
						(a) -> a.attributeName(InventoryTable.ITEM).attributeType(ScalarAttributeType.S))
				.billingMode(BillingMode.PAY_PER_REQUEST);
			if (stream) {
				b.streamSpecification((s) -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
			}
		}).tableDescription().latestStreamArn();
	}

	private static void write(DynamoDbClient dynamoDb, String table, int offset) {
		for (int from = 0; from < ROWS; from += 25) {
			List<WriteRequest> writes = new ArrayList<>();
			for (int row = from; row < from + 25; row++) {
				writes.add(WriteRequest.builder()
					.putRequest(PutRequest.builder().item(item(offset + row)).build())
					.build());
			}
			dynamoDb.batchWriteItem((b) -> b.requestItems(Map.of(table, writes)));
		}
	}

	private static void read(DynamoDbClient dynamoDb, String table) {
		for (int from = 0; from < ROWS; from += 100) {
			List<Map<String, AttributeValue>> keys = new ArrayList<>();
			for (int row = from; row < from + 100; row++) {
				Map<String, AttributeValue> item = item(row);
				keys.add(Map.of(InventoryTable.STORE, item.get(InventoryTable.STORE), InventoryTable.ITEM,
						item.get(InventoryTable.ITEM)));
			}
			dynamoDb.batchGetItem((b) -> b.requestItems(Map.of(table, KeysAndAttributes.builder()
				.keys(keys)
				.consistentRead(true)
				.projectionExpression("#s, #i, #v")
				.expressionAttributeNames(
						Map.of("#s", InventoryTable.STORE, "#i", InventoryTable.ITEM, "#v", InventoryTable.VERSION))
				.build())));
		}
	}

	private static void readStream(LocalAwsClients aws, String streamArn) {
		String shard = aws.dynamoDbStreams()
			.describeStream((b) -> b.streamArn(streamArn))
			.streamDescription()
			.shards()
			.get(0)
			.shardId();
		String iterator = aws.dynamoDbStreams()
			.getShardIterator(
					(b) -> b.streamArn(streamArn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
			.shardIterator();
		int read = 0;
		while (read < ROWS && iterator != null) {
			String current = iterator;
			var response = aws.dynamoDbStreams().getRecords((b) -> b.shardIterator(current).limit(1000));
			read += response.records().size();
			iterator = response.nextShardIterator();
		}
	}

	private static Map<String, AttributeValue> item(int row) {
		return Map.of(InventoryTable.STORE, AttributeValue.fromS("Store " + (row / SampleFile.ITEMS_PER_STORE + 1)),
				InventoryTable.ITEM, AttributeValue.fromS("Echo Item " + (row % SampleFile.ITEMS_PER_STORE + 1)),
				InventoryTable.COUNT, AttributeValue.fromN(Long.toString(SampleFile.count(row))),
				InventoryTable.UPLOAD_ID, AttributeValue.fromS("inventory-uploads/bench.csv#9b2cf535f27731c97434"),
				InventoryTable.ROW_NUMBER, AttributeValue.fromN(Integer.toString(row + 1)), InventoryTable.UPDATED_AT,
				AttributeValue.fromS("2026-12-02T10:00:00Z"), InventoryTable.VERSION,
				AttributeValue.fromS("2026-12-02T10:00:00.000000Z|00000000000000000000000000000000|00000000" + row));
	}

}
