package com.retail.inventory.ops.leases;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads a consumer group's KCL lease table: one item per shard. A lease table holds one
 * item per shard the group has seen, so one consistent Scan (a page per MB) reads a
 * group's checkpoints in one or two requests, where a GetItem per shard would cost one
 * each. Used by {@code status} and {@code replay}.
 */
public final class LeaseTable {

	private final DynamoDbClient dynamoDb;

	private final String table;

	public LeaseTable(DynamoDbClient dynamoDb, String table) {
		this.dynamoDb = dynamoDb;
		this.table = table;
	}

	/**
	 * @return the leases keyed by shard id; a shard without an item has no lease yet
	 */
	public Map<String, ShardLease> read() {
		Map<String, ShardLease> leases = new LinkedHashMap<>();
		Map<String, AttributeValue> start = null;
		do {
			Map<String, AttributeValue> from = start;
			ScanResponse page = this.dynamoDb
				.scan((b) -> b.tableName(this.table).consistentRead(true).exclusiveStartKey(from));
			for (Map<String, AttributeValue> item : page.items()) {
				ShardLease lease = ShardLease.of(item);
				leases.put(lease.shard(), lease);
			}
			start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
		}
		while (start != null);
		return leases;
	}

	public String name() {
		return this.table;
	}

}
