package com.retail.inventory.loader;

import com.retail.inventory.contracts.InventoryTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads the versions the table holds for up to 100 items with one BatchGetItem (strongly
 * consistent, the version attribute only), re-reading unprocessed keys.
 */
final class StoredVersions {

	static final int MAX_KEYS = 100;

	private final DynamoDbClient dynamoDb;

	private final String table;

	private final LoaderMetrics metrics;

	StoredVersions(DynamoDbClient dynamoDb, String table, LoaderMetrics metrics) {
		this.dynamoDb = dynamoDb;
		this.table = table;
		this.metrics = metrics;
	}

	/**
	 * @param keys at most {@value #MAX_KEYS} distinct keys
	 * @return the stored version per key; an absent key has no item, or an item without a
	 * version (written before versions existed)
	 */
	Map<ItemKey, String> read(List<ItemKey> keys, RetryBudget budget) {
		Map<ItemKey, String> versions = new HashMap<>();
		List<Map<String, AttributeValue>> pending = new ArrayList<>(keys.stream().map(ItemKey::attributes).toList());
		for (int attempt = 1; !pending.isEmpty(); attempt++) {
			KeysAndAttributes request = KeysAndAttributes.builder()
				.keys(pending)
				.consistentRead(true)
				.projectionExpression("#s, #i, #v")
				.expressionAttributeNames(
						Map.of("#s", InventoryTable.STORE, "#i", InventoryTable.ITEM, "#v", InventoryTable.VERSION))
				.build();
			BatchGetItemResponse response;
			try {
				this.metrics.batchGet();
				response = this.dynamoDb.batchGetItem((b) -> b.requestItems(Map.of(this.table, request)));
			}
			catch (SdkException ex) {
				if (DynamoDbFailures.isPermanent(ex)) {
					throw ex;
				}
				budget.beforeRetry(attempt, "Reading versions from " + this.table, ex);
				continue;
			}
			for (Map<String, AttributeValue> item : response.responses().getOrDefault(this.table, List.of())) {
				AttributeValue version = item.get(InventoryTable.VERSION);
				if (version != null && version.s() != null) {
					versions.put(ItemKey.of(item), version.s());
				}
			}
			KeysAndAttributes unprocessed = response.hasUnprocessedKeys() ? response.unprocessedKeys().get(this.table)
					: null;
			pending = (unprocessed == null) ? List.of() : new ArrayList<>(unprocessed.keys());
			if (!pending.isEmpty()) {
				budget.beforeRetry(attempt, "Reading versions from " + this.table + " (unprocessed keys)", null);
			}
		}
		return versions;
	}

}
