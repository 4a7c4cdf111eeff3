package com.retail.inventory.ops.replay;

import com.retail.inventory.contracts.LeaseTableAttributes;
import com.retail.inventory.ops.leases.ShardLease;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Writes new checkpoints into a KCL lease table, as KCL's own checkpoint does: the
 * checkpoint with sub-sequence 0, the pending checkpoint removed (else KCL would resume
 * from it), owner switches reset, and the lease counter incremented, conditional on the
 * counter and checkpoint read before. A worker that still held the lease would then fail
 * its next renewal instead of overwriting the replay, and a lease that changed since it
 * was read is reported, not overwritten.
 */
public final class CheckpointMover {

	private final DynamoDbClient dynamoDb;

	private final String table;

	public CheckpointMover(DynamoDbClient dynamoDb, String table) {
		this.dynamoDb = dynamoDb;
		this.table = table;
	}

	/**
	 * @param targets the checkpoint per shard
	 * @param leases the lease items as read, by shard
	 * @param dryRun report only
	 * @return one change per target, in the targets' order
	 */
	public List<CheckpointChange> move(Map<String, String> targets, Map<String, ShardLease> leases, boolean dryRun) {
		List<CheckpointChange> changes = new ArrayList<>();
		targets.forEach((shard, target) -> {
			ShardLease lease = leases.get(shard);
			if (lease == null) {
				changes.add(new CheckpointChange(shard, null, target, CheckpointChange.Outcome.NO_LEASE));
			}
			else if (dryRun) {
				changes
					.add(new CheckpointChange(shard, lease.checkpoint(), target, CheckpointChange.Outcome.WOULD_MOVE));
			}
			else {
				changes.add(new CheckpointChange(shard, lease.checkpoint(), target, write(lease, target)
						? CheckpointChange.Outcome.MOVED : CheckpointChange.Outcome.CHANGED_MEANWHILE));
			}
		});
		return changes;
	}

	private boolean write(ShardLease lease, String target) {
		Map<String, String> names = new HashMap<>();
		Map<String, AttributeValue> values = new HashMap<>();
		names.put("#key", LeaseTableAttributes.LEASE_KEY);
		names.put("#checkpoint", LeaseTableAttributes.CHECKPOINT);
		names.put("#sub", LeaseTableAttributes.CHECKPOINT_SUB_SEQUENCE_NUMBER);
		names.put("#counter", LeaseTableAttributes.LEASE_COUNTER);
		names.put("#switches", LeaseTableAttributes.OWNER_SWITCHES_SINCE_CHECKPOINT);
		names.put("#pending", LeaseTableAttributes.PENDING_CHECKPOINT);
		names.put("#pendingSub", LeaseTableAttributes.PENDING_CHECKPOINT_SUB_SEQUENCE_NUMBER);
		names.put("#pendingState", LeaseTableAttributes.PENDING_CHECKPOINT_STATE);
		values.put(":target", AttributeValue.fromS(target));
		values.put(":zero", AttributeValue.fromN("0"));
		values.put(":one", AttributeValue.fromN("1"));
		List<String> conditions = new ArrayList<>(List.of("attribute_exists(#key)"));
		if (lease.leaseCounter() != null) {
			conditions.add("#counter = :counter");
			values.put(":counter", AttributeValue.fromN(Long.toString(lease.leaseCounter())));
		}
		else {
			conditions.add("attribute_not_exists(#counter)");
		}
		if (lease.checkpoint() != null) {
			conditions.add("#checkpoint = :before");
			values.put(":before", AttributeValue.fromS(lease.checkpoint()));
		}
		else {
			conditions.add("attribute_not_exists(#checkpoint)");
		}
		try {
			this.dynamoDb.updateItem((b) -> b.tableName(this.table)
				.key(Map.of(LeaseTableAttributes.LEASE_KEY, AttributeValue.fromS(lease.shard())))
				.updateExpression("SET #checkpoint = :target, #sub = :zero, #switches = :zero, "
						+ "#counter = if_not_exists(#counter, :zero) + :one REMOVE #pending, #pendingSub, #pendingState")
				.conditionExpression(String.join(" AND ", conditions))
				.expressionAttributeNames(names)
				.expressionAttributeValues(values));
			return true;
		}
		catch (ConditionalCheckFailedException ex) {
			return false;
		}
	}

}
