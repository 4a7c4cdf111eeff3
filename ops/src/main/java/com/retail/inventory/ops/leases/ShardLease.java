package com.retail.inventory.ops.leases;

import com.retail.inventory.contracts.LeaseTableAttributes;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item of a KCL lease table: a consumer group's checkpoint on a shard and the worker
 * holding the shard.
 *
 * @param shard the lease key: the shard id
 * @param checkpoint the checkpointed sequence number or a sentinel (TRIM_HORIZON, LATEST,
 * AT_TIMESTAMP, SHARD_END); null when the item has none
 * @param owner the worker holding the lease (a pod's name), null when none does
 * @param leaseCounter the counter KCL conditions its writes on, null when absent
 */
public record ShardLease(String shard, String checkpoint, String owner, Long leaseCounter) {

	static ShardLease of(Map<String, AttributeValue> item) {
		return new ShardLease(string(item, LeaseTableAttributes.LEASE_KEY),
				string(item, LeaseTableAttributes.CHECKPOINT), string(item, LeaseTableAttributes.LEASE_OWNER),
				item.containsKey(LeaseTableAttributes.LEASE_COUNTER)
						? Long.valueOf(item.get(LeaseTableAttributes.LEASE_COUNTER).n()) : null);
	}

	private static String string(Map<String, AttributeValue> item, String name) {
		AttributeValue value = item.get(name);
		return (value != null) ? value.s() : null;
	}

	/** Whether the checkpoint is a KCL sentinel rather than a sequence number. */
	public boolean sentinel() {
		return LeaseTableAttributes.TRIM_HORIZON.equals(this.checkpoint)
				|| LeaseTableAttributes.LATEST.equals(this.checkpoint)
				|| LeaseTableAttributes.AT_TIMESTAMP.equals(this.checkpoint)
				|| LeaseTableAttributes.SHARD_END.equals(this.checkpoint);
	}

}
