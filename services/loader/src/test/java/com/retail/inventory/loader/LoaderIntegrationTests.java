package com.retail.inventory.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.LeaseTableAttributes;
import com.retail.inventory.local.KclLeasesTaken;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbClientCustomizer;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Rows from Kinesis into the Inventory table on the real emulators, including a table
 * outage.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LoaderIntegrationTests {

	private static final Duration LEASES_TAKEN = Duration.ofMinutes(3);

	@Autowired
	FailedCalls failedCalls;

	private static String event(String store, String item, long count, long row) {
		return """
				{"schemaVersion":1,"store":"%s","item":"%s","count":%d,"rowNumber":%d,
				 "upload":{"id":"inventory-uploads/%s.csv#e1","bucket":"inventory-uploads","key":"%s.csv","eTag":"e1",
				 "eventTime":"2026-12-02T10:00:00.000Z"}}""".formatted(store, item, count, row, store, store);
	}

	/**
	 * KCL assigns the first leases up to a minute after start; either test may run first.
	 */
	@BeforeEach
	void leasesTaken(LocalAwsClients aws, LocalResources resources) {
		KclLeasesTaken.await(aws, resources.loaderLeaseTable(), resources.recordsStream(), LEASES_TAKEN);
	}

	@Test
	void loadsEveryRowAndCheckpointsNothingWhileTheTableIsUnavailable(LocalAwsClients aws, LocalResources resources) {
		// The table is gone: the loader must fail its batches without checkpointing them.
		aws.dynamoDb().deleteTable((b) -> b.tableName(resources.inventoryTable()));

		List<String> events = List.of(event("Berlin", "Echo Dot", 12, 1), event("Berlin", "Echo Plus", 3, 2),
				"this is not an event", event("Pusan", "Echo Show", 0, 1), event("Berlin", "Echo Plus", 0, 3));
		List<PutRecordsResultEntry> put = aws.kinesis()
			.putRecords((b) -> b.streamName(resources.recordsStream())
				.records(events.stream()
					.map((e) -> PutRecordsRequestEntry.builder()
						.partitionKey("p")
						.data(SdkBytes.fromUtf8String(e))
						.build())
					.toList()))
			.records();
		BigInteger first = new BigInteger(put.get(0).sequenceNumber());
		BigInteger last = new BigInteger(put.get(put.size() - 1).sequenceNumber());

		// The loader read the batch and tried to write it, more than once: the batch was
		// read again, not dropped.
		await().atMost(Duration.ofSeconds(60)).until(() -> this.failedCalls.count() >= 2);
		assertThat(checkpoints(aws, resources)).as("no checkpoint may cover records that are not in the table")
			.allSatisfy((sequence) -> assertThat(sequence).isLessThan(first));

		aws.dynamoDb()
			.createTable((b) -> b.tableName(resources.inventoryTable())
				.keySchema(key(InventoryTable.STORE, KeyType.HASH), key(InventoryTable.ITEM, KeyType.RANGE))
				.attributeDefinitions(stringAttribute(InventoryTable.STORE), stringAttribute(InventoryTable.ITEM))
				.billingMode(BillingMode.PAY_PER_REQUEST));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(counts(aws, resources, "Berlin", "Pusan"))
				.isEqualTo(Map.of("Berlin/Echo Dot", "12", "Berlin/Echo Plus", "0", "Pusan/Echo Show", "0")));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(checkpoints(aws, resources)).as("checkpointed once the rows are durable")
				.anySatisfy((sequence) -> assertThat(sequence).isGreaterThanOrEqualTo(last)));

		Map<String, AttributeValue> row = aws.dynamoDb()
			.getItem((b) -> b.tableName(resources.inventoryTable())
				.key(Map.of(InventoryTable.STORE, AttributeValue.fromS("Berlin"), InventoryTable.ITEM,
						AttributeValue.fromS("Echo Plus"))))
			.item();
		assertThat(row.get(InventoryTable.UPLOAD_ID).s()).isEqualTo("inventory-uploads/Berlin.csv#e1");
		assertThat(row.get(InventoryTable.ROW_NUMBER).n()).isEqualTo("3");
		assertThat(row.get(InventoryTable.UPDATED_AT).s()).isEqualTo("2026-12-02T10:00:00.000Z");
		assertThat(row.get(InventoryTable.VERSION).s()).startsWith("2026-12-02T10:00:00.000000Z|");

		// The record that is not an inventory record is in the dead-letter queue, with
		// why.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deadLetters(aws, resources)).containsKey("this is not an event"));
		assertThat(deadLetters(aws, resources).get("this is not an event")).startsWith("not JSON");
	}

	@Test
	void aRecordTheTableRefusesGoesToTheDeadLetterQueueAndTheShardMovesOn(LocalAwsClients aws,
			LocalResources resources) {
		// An item over DynamoDB's 400 KB limit: BatchWriteItem refuses the whole request.
		String tooLarge = event("Karachi", "Echo Huge", 1, 1).replace("Karachi.csv#e1",
				"Karachi.csv#" + "x".repeat(410_000));
		List<String> events = List.of(event("Karachi", "Echo Dot", 4, 2), tooLarge,
				event("Karachi", "Echo Plus", 5, 3));
		aws.kinesis()
			.putRecords((b) -> b.streamName(resources.recordsStream())
				.records(events.stream()
					.map((e) -> PutRecordsRequestEntry.builder()
						.partitionKey("k")
						.data(SdkBytes.fromUtf8String(e))
						.build())
					.toList()));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(counts(aws, resources)).containsEntry("Karachi/Echo Dot", "4")
				.containsEntry("Karachi/Echo Plus", "5")
				.doesNotContainKey("Karachi/Echo Huge"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deadLetters(aws, resources).entrySet())
				.anySatisfy((letter) -> assertThat(letter.getKey()).contains("Echo Huge")));
		var letter = deadLetters(aws, resources).entrySet()
			.stream()
			.filter((e) -> e.getKey().contains("Echo Huge"))
			.findFirst()
			.orElseThrow();
		assertThat(letter.getValue()).contains("ValidationException");
	}

	/** Every dead letter so far: body to reason (messages stay in the queue). */
	private static Map<String, String> deadLetters(LocalAwsClients aws, LocalResources resources) {
		Map<String, String> letters = new HashMap<>();
		for (int i = 0; i < 5; i++) {
			aws.sqs()
				.receiveMessage((b) -> b.queueUrl(resources.recordsDlqUrl())
					.maxNumberOfMessages(10)
					.visibilityTimeout(0)
					.messageAttributeNames("All"))
				.messages()
				.forEach((m) -> letters.put(m.body(), m.messageAttributes().get("reason").stringValue()));
		}
		return letters;
	}

	/**
	 * The sequence numbers the loader checkpointed in its KCL lease table, one per shard
	 * (leases still at a sentinel such as TRIM_HORIZON have none).
	 */
	private static List<BigInteger> checkpoints(LocalAwsClients aws, LocalResources resources) {
		return aws.dynamoDb()
			.scan((b) -> b.tableName(resources.loaderLeaseTable()).consistentRead(true))
			.items()
			.stream()
			.map((item) -> item.get(LeaseTableAttributes.CHECKPOINT).s())
			.filter((checkpoint) -> checkpoint.chars().allMatch(Character::isDigit))
			.map(BigInteger::new)
			.toList();
	}

	/** Store/item to count; of the stores given, or of all. */
	private static Map<String, String> counts(LocalAwsClients aws, LocalResources resources, String... stores) {
		List<String> only = List.of(stores);
		return aws.dynamoDb()
			.scan((b) -> b.tableName(resources.inventoryTable()))
			.items()
			.stream()
			.filter((i) -> only.isEmpty() || only.contains(i.get(InventoryTable.STORE).s()))
			.collect(Collectors.toMap((i) -> i.get(InventoryTable.STORE).s() + "/" + i.get(InventoryTable.ITEM).s(),
					(i) -> i.get(InventoryTable.COUNT).n()));
	}

	private static KeySchemaElement key(String name, KeyType type) {
		return KeySchemaElement.builder().attributeName(name).keyType(type).build();
	}

	private static AttributeDefinition stringAttribute(String name) {
		return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
	}

	/**
	 * Counts the loader's DynamoDB calls that failed, as seen by its own DynamoDB client.
	 */
	static final class FailedCalls implements ExecutionInterceptor {

		private final AtomicInteger count = new AtomicInteger();

		int count() {
			return this.count.get();
		}

		@Override
		public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
			this.count.incrementAndGet();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FailedCallsConfiguration {

		@Bean
		FailedCalls failedCalls() {
			return new FailedCalls();
		}

		@Bean
		DynamoDbClientCustomizer countFailedCalls(FailedCalls failedCalls) {
			return (builder) -> builder.overrideConfiguration(
					builder.overrideConfiguration().toBuilder().addExecutionInterceptor(failedCalls).build());
		}

	}

}
