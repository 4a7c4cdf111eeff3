package com.retail.inventory.loader;

import com.retail.inventory.contracts.InventoryRecordEvent;
import com.retail.inventory.contracts.InventoryTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes up to 25 records, already known to be newer than what the table holds, into the
 * Inventory table: one BatchWriteItem, re-sending UnprocessedItems and transient failures
 * with backoff. It returns only when every record is durable or set aside as poison;
 * otherwise it throws, so the batch is not checkpointed.
 *
 * <p>
 * Two cases use conditional PutItems instead ({@code Version} absent or older than the
 * record's), one per record: a request DynamoDB refuses for its items (an item over 400
 * KB), to find the one at fault; and writes after the batch's fast-write window, when the
 * versions read at its start may be stale.
 */
class InventoryTableWriter {

	static final int MAX_BATCH = 25;

	private final DynamoDbClient dynamoDb;

	private final String table;

	private final LoaderMetrics metrics;

	InventoryTableWriter(DynamoDbClient dynamoDb, String table, LoaderMetrics metrics) {
		this.dynamoDb = dynamoDb;
		this.table = table;
		this.metrics = metrics;
	}

	/**
	 * What became of a chunk of records.
	 *
	 * @param written records now in the table
	 * @param skipped records the table already held in that version or a newer one
	 * @param poison records DynamoDB refuses, each with the reason
	 */
	record Result(int written, int skipped, Map<InventoryRecordEvent, String> poison) {
	}

	/**
	 * @param events at most {@value #MAX_BATCH} records, at most one per item
	 * @param versionsReadAt when the stored versions these records were checked against
	 * were read
	 */
	Result write(List<InventoryRecordEvent> events, RetryBudget budget, Instant versionsReadAt) {
		if (budget.stale(versionsReadAt)) {
			return writeConditionally(events, budget);
		}
		Map<ItemKey, InventoryRecordEvent> byKey = new LinkedHashMap<>();
		List<WriteRequest> pending = new ArrayList<>();
		for (InventoryRecordEvent event : events) {
			byKey.put(ItemKey.of(event), event);
			pending.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(event)).build()).build());
		}
		for (int attempt = 1; !pending.isEmpty(); attempt++) {
			List<WriteRequest> sending = pending;
			BatchWriteItemResponse response;
			try {
				this.metrics.batchWrite();
				response = this.dynamoDb.batchWriteItem((b) -> b.requestItems(Map.of(this.table, sending)));
			}
			catch (SdkException ex) {
				if (DynamoDbFailures.isAboutTheItems(ex)) {
					// One item spoils the request: find it, write the others.
					List<InventoryRecordEvent> left = sending.stream()
						.map((request) -> byKey.get(ItemKey.of(request.putRequest().item())))
						.toList();
					Result oneByOne = writeConditionally(left, budget);
					return new Result(events.size() - left.size() + oneByOne.written(), oneByOne.skipped(),
							oneByOne.poison());
				}
				if (DynamoDbFailures.isPermanent(ex)) {
					throw ex;
				}
				budget.beforeRetry(attempt, "BatchWriteItem to " + this.table, ex);
				continue;
			}
			pending = response.hasUnprocessedItems() ? response.unprocessedItems().getOrDefault(this.table, List.of())
					: List.of();
			if (!pending.isEmpty()) {
				budget.beforeRetry(attempt, "BatchWriteItem to " + this.table + " (unprocessed items)", null);
			}
		}
		return new Result(events.size(), 0, Map.of());
	}

	/**
	 * One PutItem per record, each only if the table does not hold that version or newer.
	 */
	private Result writeConditionally(List<InventoryRecordEvent> events, RetryBudget budget) {
		int written = 0;
		int skipped = 0;
		Map<InventoryRecordEvent, String> poison = new LinkedHashMap<>();
		for (InventoryRecordEvent event : events) {
			for (int attempt = 1;; attempt++) {
				try {
					this.metrics.put();
					this.dynamoDb.putItem((b) -> b.tableName(this.table)
						.item(item(event))
						.conditionExpression("attribute_not_exists(#v) OR #v < :v")
						.expressionAttributeNames(Map.of("#v", InventoryTable.VERSION))
						.expressionAttributeValues(Map.of(":v", AttributeValue.fromS(event.version()))));
					written++;
					break;
				}
				catch (ConditionalCheckFailedException ex) {
					skipped++;
					break;
				}
				catch (SdkException ex) {
					if (DynamoDbFailures.isAboutTheItems(ex)) {
						poison.put(event, DynamoDbFailures.describe(ex));
						break;
					}
					if (DynamoDbFailures.isPermanent(ex)) {
						throw ex;
					}
					budget.beforeRetry(attempt, "PutItem to " + this.table, ex);
				}
			}
		}
		return new Result(written, skipped, poison);
	}

	/**
	 * The item of a record: its count and where it came from, stamped with its upload's
	 * time and its version.
	 */
	static Map<String, AttributeValue> item(InventoryRecordEvent event) {
		Map<String, AttributeValue> item = new LinkedHashMap<>();
		item.put(InventoryTable.STORE, AttributeValue.fromS(event.store()));
		item.put(InventoryTable.ITEM, AttributeValue.fromS(event.item()));
		item.put(InventoryTable.COUNT, AttributeValue.fromN(Long.toString(event.count())));
		item.put(InventoryTable.UPLOAD_ID, AttributeValue.fromS(event.upload().id()));
		item.put(InventoryTable.ROW_NUMBER, AttributeValue.fromN(Long.toString(event.rowNumber())));
		if (event.upload().eventTime() != null) {
			item.put(InventoryTable.UPDATED_AT, AttributeValue.fromS(event.upload().eventTime()));
		}
		item.put(InventoryTable.VERSION, AttributeValue.fromS(event.version()));
		return item;
	}

}
