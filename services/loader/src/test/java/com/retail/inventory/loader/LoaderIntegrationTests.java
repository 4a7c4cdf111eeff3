package com.retail.inventory.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * Rows from Kinesis into the Inventory table on the real emulators, including a table
 * outage.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LoaderIntegrationTests {

	private static String event(String store, String item, long count, long row) {
		return """
				{"schemaVersion":1,"store":"%s","item":"%s","count":%d,"rowNumber":%d,
				 "upload":{"id":"inventory-uploads/%s.csv#e1","bucket":"inventory-uploads","key":"%s.csv","eTag":"e1"}}"""
			.formatted(store, item, count, row, store, store);
	}

	@Test
	void loadsEveryRowAndLosesNoneWhileTheTableIsUnavailable(LocalAwsClients aws, LocalResources resources) {
		// The table is gone: the loader must fail its batches without checkpointing them.
		aws.dynamoDb().deleteTable(b -> b.tableName(resources.inventoryTable()));

		List<String> events = List.of(event("Berlin", "Echo Dot", 12, 1), event("Berlin", "Echo Plus", 3, 2),
				"this is not an event", event("Pusan", "Echo Show", 0, 1), event("Berlin", "Echo Plus", 0, 3));
		aws.kinesis()
			.putRecords(b -> b.streamName(resources.recordsStream())
				.records(events.stream()
					.map(e -> PutRecordsRequestEntry.builder()
						.partitionKey("p")
						.data(SdkBytes.fromUtf8String(e))
						.build())
					.toList()));

		await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> true);
		aws.dynamoDb()
			.createTable(b -> b.tableName(resources.inventoryTable())
				.keySchema(KeySchemaElement.builder().attributeName("Store").keyType(KeyType.HASH).build(),
						KeySchemaElement.builder().attributeName("Item").keyType(KeyType.RANGE).build())
				.attributeDefinitions(
						AttributeDefinition.builder()
							.attributeName("Store")
							.attributeType(ScalarAttributeType.S)
							.build(),
						AttributeDefinition.builder()
							.attributeName("Item")
							.attributeType(ScalarAttributeType.S)
							.build())
				.billingMode(BillingMode.PAY_PER_REQUEST));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(counts(aws, resources))
				.isEqualTo(Map.of("Berlin/Echo Dot", "12", "Berlin/Echo Plus", "0", "Pusan/Echo Show", "0")));

		Map<String, AttributeValue> row = aws.dynamoDb()
			.getItem(b -> b.tableName(resources.inventoryTable())
				.key(Map.of("Store", AttributeValue.fromS("Berlin"), "Item", AttributeValue.fromS("Echo Plus"))))
			.item();
		assertThat(row.get("UploadId").s()).isEqualTo("inventory-uploads/Berlin.csv#e1");
		assertThat(row.get("RowNumber").n()).isEqualTo("3");
		assertThat(row.get("UpdatedAt").s()).isNotBlank();
	}

	private static Map<String, String> counts(LocalAwsClients aws, LocalResources resources) {
		return aws.dynamoDb()
			.scan(b -> b.tableName(resources.inventoryTable()))
			.items()
			.stream()
			.collect(Collectors.toMap(i -> i.get("Store").s() + "/" + i.get("Item").s(), i -> i.get("Count").n()));
	}

}
