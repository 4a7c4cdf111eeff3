package com.retail.inventory.bench;

import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.RecordVersion;
import com.retail.inventory.contracts.UploadRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The chain the dashboard benchmark reads: 200 stores of 50 items and one store of 10,000
 * items, written into the Inventory table as the loader writes them (same attributes,
 * including the version), so the dashboard learns of them through the change stream like
 * of any upload. Idempotent: a store already holding all its items is left alone.
 */
final class DashboardSeed {

	static final int STORES = 200;

	static final int ITEMS_PER_STORE = 50;

	static final String BIG_STORE = "Bench-Big";

	static final int BIG_STORE_ITEMS = 10_000;

	/** A fixed upload: every run writes the same items with the same version. */
	private static final UploadRef UPLOAD = UploadRef.of("bench", "bench/dashboard-seed.csv", null, "bench", "1",
			"2026-12-02T10:00:00.000Z");

	private final DynamoDbClient dynamoDb;

	private final String table;

	DashboardSeed(DynamoDbClient dynamoDb, String table) {
		this.dynamoDb = dynamoDb;
		this.table = table;
	}

	/** Every bench store with the number of items it has. */
	static Map<String, Integer> stores() {
		Map<String, Integer> stores = new LinkedHashMap<>();
		for (int store = 1; store <= STORES; store++) {
			stores.put(String.format("Bench-Store-%03d", store), ITEMS_PER_STORE);
		}
		stores.put(BIG_STORE, BIG_STORE_ITEMS);
		return stores;
	}

	/**
	 * Writes the stores that are not complete yet.
	 * @return how many items were written
	 */
	int write() {
		int written = 0;
		for (Map.Entry<String, Integer> store : stores().entrySet()) {
			if (count(store.getKey()) != store.getValue()) {
				written += writeStore(store.getKey(), store.getValue());
			}
		}
		return written;
	}

	private int count(String store) {
		int count = 0;
		for (var page : this.dynamoDb.queryPaginator((b) -> b.tableName(this.table)
			.keyConditionExpression("#s = :s")
			.expressionAttributeNames(Map.of("#s", InventoryTable.STORE))
			.expressionAttributeValues(Map.of(":s", AttributeValue.fromS(store)))
			.select(Select.COUNT))) {
			count += page.count();
		}
		return count;
	}

	private int writeStore(String store, int items) {
		int width = Integer.toString(items).length();
		List<WriteRequest> batch = new ArrayList<>(25);
		for (int row = 1; row <= items; row++) {
			String item = String.format("Item %0" + width + "d", row);
			batch.add(WriteRequest.builder()
				.putRequest(PutRequest.builder().item(item(store, item, row)).build())
				.build());
			if (batch.size() == 25 || row == items) {
				writeAll(Map.of(this.table, List.copyOf(batch)));
				batch.clear();
			}
		}
		return items;
	}

	/**
	 * One item as the loader writes it. Every 40th item is out of stock, counts otherwise
	 * run from 1 to 500.
	 */
	private static Map<String, AttributeValue> item(String store, String item, int row) {
		long count = (row % 40 == 0) ? 0 : SampleFile.count(row);
		return Map.of(InventoryTable.STORE, AttributeValue.fromS(store), InventoryTable.ITEM,
				AttributeValue.fromS(item), InventoryTable.COUNT, AttributeValue.fromN(Long.toString(count)),
				InventoryTable.UPLOAD_ID, AttributeValue.fromS(UPLOAD.id()), InventoryTable.ROW_NUMBER,
				AttributeValue.fromN(Integer.toString(row)), InventoryTable.UPDATED_AT,
				AttributeValue.fromS(UPLOAD.eventTime()), InventoryTable.VERSION,
				AttributeValue.fromS(RecordVersion.of(UPLOAD, row)));
	}

	private void writeAll(Map<String, List<WriteRequest>> requests) {
		Map<String, List<WriteRequest>> pending = requests;
		while (!pending.isEmpty()) {
			Map<String, List<WriteRequest>> sending = pending;
			var response = this.dynamoDb.batchWriteItem((b) -> b.requestItems(sending));
			pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
		}
	}

}
