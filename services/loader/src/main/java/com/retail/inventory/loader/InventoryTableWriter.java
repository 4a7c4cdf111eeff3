package com.retail.inventory.loader;

import com.retail.inventory.contracts.InventoryRecordEvent;
import com.retail.inventory.contracts.InventoryTable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes events into the Inventory table with BatchWriteItem, 25 items per request,
 * re-sending UnprocessedItems (with backoff) until DynamoDB has taken every item. Returns
 * only when all are durable; throws otherwise, so the caller does not checkpoint.
 */
@Component
class InventoryTableWriter {

	static final int MAX_BATCH = 25;

	static final int MAX_ATTEMPTS = 10;

	private static final Logger log = LoggerFactory.getLogger(InventoryTableWriter.class);

	private final DynamoDbClient dynamoDb;

	private final String table;

	private final Clock clock;

	private final Consumer<Duration> pause;

	@Autowired
	InventoryTableWriter(DynamoDbClient dynamoDb, LoaderProperties properties) {
		this(dynamoDb, properties.table(), Clock.systemUTC(), InventoryTableWriter::sleep);
	}

	InventoryTableWriter(DynamoDbClient dynamoDb, String table, Clock clock, Consumer<Duration> pause) {
		this.dynamoDb = dynamoDb;
		this.table = table;
		this.clock = clock;
		this.pause = pause;
	}

	/**
	 * @return the number of BatchWriteItem requests sent
	 */
	int write(List<InventoryRecordEvent> events) {
		int requests = 0;
		String now = clock.instant().toString();
		for (int from = 0; from < events.size(); from += MAX_BATCH) {
			List<WriteRequest> chunk = new ArrayList<>();
			for (InventoryRecordEvent event : events.subList(from, Math.min(events.size(), from + MAX_BATCH))) {
				chunk.add(
						WriteRequest.builder().putRequest(PutRequest.builder().item(item(event, now)).build()).build());
			}
			requests += writeFully(chunk);
		}
		return requests;
	}

	private int writeFully(List<WriteRequest> chunk) {
		Map<String, List<WriteRequest>> pending = Map.of(table, chunk);
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			Map<String, List<WriteRequest>> request = pending;
			BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(request));
			if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
				return attempt;
			}
			pending = response.unprocessedItems();
			int left = pending.values().stream().mapToInt(List::size).sum();
			log.warn("DynamoDB left {} of {} items unprocessed (attempt {})", left, chunk.size(), attempt);
			if (attempt < MAX_ATTEMPTS) {
				this.pause.accept(Duration.ofMillis(Math.min(5_000, 50L << attempt)));
			}
		}
		throw new IllegalStateException("DynamoDB did not accept all items after " + MAX_ATTEMPTS + " attempts");
	}

	static Map<String, AttributeValue> item(InventoryRecordEvent event, String updatedAt) {
		Map<String, AttributeValue> item = new LinkedHashMap<>();
		item.put(InventoryTable.STORE, AttributeValue.fromS(event.store()));
		item.put(InventoryTable.ITEM, AttributeValue.fromS(event.item()));
		item.put(InventoryTable.COUNT, AttributeValue.fromN(Long.toString(event.count())));
		item.put(InventoryTable.UPLOAD_ID, AttributeValue.fromS(event.upload().id()));
		item.put(InventoryTable.ROW_NUMBER, AttributeValue.fromN(Long.toString(event.rowNumber())));
		item.put(InventoryTable.UPDATED_AT, AttributeValue.fromS(updatedAt));
		return item;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while retrying a batch write", ex);
		}
	}

}
