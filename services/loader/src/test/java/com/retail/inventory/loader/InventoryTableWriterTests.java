package com.retail.inventory.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.retail.inventory.contracts.InventoryRecordEvent;
import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.UploadRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class InventoryTableWriterTests {

	private static final UploadRef UPLOAD = UploadRef.of("inventory-uploads", "berlin.csv", null, "e1", null, null);

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

	private final List<Duration> pauses = new ArrayList<>();

	private static List<InventoryRecordEvent> events(int n) {
		return IntStream.rangeClosed(1, n)
			.mapToObj((i) -> InventoryRecordEvent.of("Berlin", "Item " + i, i, UPLOAD, i))
			.toList();
	}

	@Test
	void writesTwentyFiveItemsPerRequestWithTheContractsAttributes() {
		StubDynamoDb dynamoDb = new StubDynamoDb((request) -> BatchWriteItemResponse.builder().build());
		InventoryTableWriter writer = new InventoryTableWriter(dynamoDb, "Inventory", CLOCK, this.pauses::add);

		assertThat(writer.write(events(60))).isEqualTo(3);

		assertThat(dynamoDb.requests).extracting((request) -> request.requestItems().get("Inventory").size())
			.containsExactly(25, 25, 10);
		Map<String, AttributeValue> first = dynamoDb.requests.get(0)
			.requestItems()
			.get("Inventory")
			.get(0)
			.putRequest()
			.item();
		assertThat(first).containsEntry(InventoryTable.STORE, AttributeValue.fromS("Berlin"))
			.containsEntry(InventoryTable.ITEM, AttributeValue.fromS("Item 1"))
			.containsEntry(InventoryTable.COUNT, AttributeValue.fromN("1"))
			.containsEntry(InventoryTable.UPLOAD_ID, AttributeValue.fromS(UPLOAD.id()))
			.containsEntry(InventoryTable.ROW_NUMBER, AttributeValue.fromN("1"))
			.containsEntry(InventoryTable.UPDATED_AT, AttributeValue.fromS("2026-12-02T10:00:00Z"));
		assertThat(this.pauses).isEmpty();
	}

	@Test
	void resendsExactlyTheUnprocessedItemsUntilDynamoDbTakesThemAll() {
		List<WriteRequest> leftOver = new ArrayList<>();
		StubDynamoDb dynamoDb = new StubDynamoDb((request) -> {
			List<WriteRequest> sent = request.requestItems().get("Inventory");
			if (leftOver.isEmpty() && sent.size() == 25) {
				// Throttled: DynamoDB took the first 22 and hands back the last 3.
				leftOver.addAll(sent.subList(22, 25));
				return BatchWriteItemResponse.builder().unprocessedItems(Map.of("Inventory", leftOver)).build();
			}
			return BatchWriteItemResponse.builder().build();
		});
		InventoryTableWriter writer = new InventoryTableWriter(dynamoDb, "Inventory", CLOCK, this.pauses::add);

		assertThat(writer.write(events(25))).isEqualTo(2);

		assertThat(dynamoDb.requests).hasSize(2);
		assertThat(dynamoDb.requests.get(1).requestItems().get("Inventory")).isEqualTo(leftOver);
		assertThat(this.pauses).hasSize(1);
	}

	@Test
	void failsWithoutReturningWhenItemsStayUnprocessed() {
		StubDynamoDb dynamoDb = new StubDynamoDb(
				(request) -> BatchWriteItemResponse.builder().unprocessedItems(request.requestItems()).build());
		InventoryTableWriter writer = new InventoryTableWriter(dynamoDb, "Inventory", CLOCK, this.pauses::add);

		assertThatIllegalStateException().isThrownBy(() -> writer.write(events(3)))
			.withMessageContaining("did not accept all items");
		assertThat(dynamoDb.requests).hasSize(InventoryTableWriter.MAX_ATTEMPTS);
		assertThat(this.pauses).hasSize(InventoryTableWriter.MAX_ATTEMPTS - 1).isSorted();
	}

	/** Answers BatchWriteItem as told and records each request; any other call fails. */
	private static final class StubDynamoDb implements DynamoDbClient {

		private final Function<BatchWriteItemRequest, BatchWriteItemResponse> answer;

		private final List<BatchWriteItemRequest> requests = new ArrayList<>();

		StubDynamoDb(Function<BatchWriteItemRequest, BatchWriteItemResponse> answer) {
			this.answer = answer;
		}

		@Override
		public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
			this.requests.add(request);
			return this.answer.apply(request);
		}

		@Override
		public String serviceName() {
			return "dynamodb";
		}

		@Override
		public void close() {
		}

	}

}
