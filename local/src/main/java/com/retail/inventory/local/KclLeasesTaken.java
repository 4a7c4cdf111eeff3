package com.retail.inventory.local;

import com.retail.inventory.contracts.LeaseTableAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Waits until a consumer group's KCL workers hold a lease on every shard of its stream.
 * KCL takes up to a minute to assign the first leases (on an empty lease table a worker
 * waits up to 30 s for another to create them, then the leader assigns them once a worker
 * has reported its load), so a test that puts records and waits for their effect first
 * waits for this, instead of stretching every later timeout.
 */
public final class KclLeasesTaken {

	private KclLeasesTaken() {
	}

	/**
	 * @param leaseTable the group's lease table
	 * @param stream the stream it reads
	 * @return the owner of each shard's lease
	 * @throws IllegalStateException when not every shard has an owner within the timeout
	 */
	public static Map<String, String> await(LocalAwsClients aws, String leaseTable, String stream, Duration timeout) {
		int shards = aws.kinesis().listShards((b) -> b.streamName(stream)).shards().size();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<Map<String, AttributeValue>> leases = aws.dynamoDb()
				.scan((b) -> b.tableName(leaseTable).consistentRead(true))
				.items();
			Map<String, String> owners = new TreeMap<>();
			leases.stream()
				.filter((lease) -> lease.containsKey(LeaseTableAttributes.LEASE_OWNER))
				.forEach((lease) -> owners.put(lease.get(LeaseTableAttributes.LEASE_KEY).s(),
						lease.get(LeaseTableAttributes.LEASE_OWNER).s()));
			if (owners.size() >= shards) {
				return owners;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Only " + owners.size() + " of " + shards + " shards of " + stream
						+ " have a lease owner in " + leaseTable + " after " + timeout + ": " + owners);
			}
			Emulators.sleep(Duration.ofMillis(500));
		}
	}

}
