package com.retail.inventory.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.contracts.BinderTableAttributes;
import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbClientCustomizer;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
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
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
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

	@Autowired
	FailedWrites failedWrites;

	private static String event(String store, String item, long count, long row) {
		return """
				{"schemaVersion":1,"store":"%s","item":"%s","count":%d,"rowNumber":%d,
				 "upload":{"id":"inventory-uploads/%s.csv#e1","bucket":"inventory-uploads","key":"%s.csv","eTag":"e1"}}"""
			.formatted(store, item, count, row, store, store);
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
		await().atMost(Duration.ofSeconds(60)).until(() -> this.failedWrites.count() >= 2);
		assertThat(checkpoints(aws, resources)).as("no checkpoint may cover records that are not in the table")
			.allSatisfy((sequence) -> assertThat(sequence).isLessThan(first));

		aws.dynamoDb()
			.createTable((b) -> b.tableName(resources.inventoryTable())
				.keySchema(key(InventoryTable.STORE, KeyType.HASH), key(InventoryTable.ITEM, KeyType.RANGE))
				.attributeDefinitions(stringAttribute(InventoryTable.STORE), stringAttribute(InventoryTable.ITEM))
				.billingMode(BillingMode.PAY_PER_REQUEST));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(counts(aws, resources))
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
		assertThat(row.get(InventoryTable.UPDATED_AT).s()).isNotBlank();
	}

	/**
	 * The sequence numbers the binder checkpointed for the records stream, one per shard.
	 */
	private static List<BigInteger> checkpoints(LocalAwsClients aws, LocalResources resources) {
		return aws.dynamoDb()
			.scan((b) -> b.tableName(resources.loaderCheckpointTable()).consistentRead(true))
			.items()
			.stream()
			.filter((item) -> item.get(BinderTableAttributes.CHECKPOINT).s().contains(resources.recordsStream()))
			.map((item) -> new BigInteger(item.get(BinderTableAttributes.CHECKPOINT_SEQUENCE).s()))
			.toList();
	}

	private static Map<String, String> counts(LocalAwsClients aws, LocalResources resources) {
		return aws.dynamoDb()
			.scan((b) -> b.tableName(resources.inventoryTable()))
			.items()
			.stream()
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
	 * Counts the loader's BatchWriteItem calls that failed, as seen by its own DynamoDB
	 * client.
	 */
	static final class FailedWrites implements ExecutionInterceptor {

		private final AtomicInteger count = new AtomicInteger();

		int count() {
			return this.count.get();
		}

		@Override
		public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
			if ("BatchWriteItem".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
				this.count.incrementAndGet();
			}
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FailedWritesConfiguration {

		@Bean
		FailedWrites failedWrites() {
			return new FailedWrites();
		}

		@Bean
		DynamoDbClientCustomizer countFailedWrites(FailedWrites failedWrites) {
			return (builder) -> builder.overrideConfiguration(
					builder.overrideConfiguration().toBuilder().addExecutionInterceptor(failedWrites).build());
		}

	}

}
