package com.retail.inventory.ops.status;

import com.retail.inventory.contracts.LeaseTableAttributes;
import com.retail.inventory.ops.leases.LeaseTable;
import com.retail.inventory.ops.leases.ShardLease;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads each group's checkpoints and, from each checkpoint, what of the shard is still
 * waiting: the group's KCL lease table holds the last sequence number the group processed
 * per shard (and the worker holding the shard), and a GetRecords after it shows the
 * records not yet processed. Nothing is consumed or checkpointed: a shard iterator is
 * only a read position.
 */
public final class ConsumerLagSection {

	private final KinesisClient kinesis;

	private final DynamoDbClient dynamoDb;

	private final List<ConsumerGroup> groups;

	private final Duration maxBehind;

	private final long recordsBound;

	private final Clock clock;

	public ConsumerLagSection(KinesisClient kinesis, DynamoDbClient dynamoDb, List<ConsumerGroup> groups,
			Duration maxBehind, long recordsBound, Clock clock) {
		this.kinesis = kinesis;
		this.dynamoDb = dynamoDb;
		this.groups = groups;
		this.maxBehind = maxBehind;
		this.recordsBound = recordsBound;
		this.clock = clock;
	}

	public ConsumerLag read() {
		List<ShardLag> shards = new ArrayList<>();
		for (ConsumerGroup group : this.groups) {
			Map<String, ShardLease> leases = new LeaseTable(this.dynamoDb, group.leaseTable()).read();
			for (Shard shard : shards(group.stream())) {
				shards.add(lag(group, shard.shardId(), leases.get(shard.shardId())));
			}
		}
		return new ConsumerLag(this.maxBehind.toMillis(), this.recordsBound, shards);
	}

	private List<Shard> shards(String stream) {
		List<Shard> shards = new ArrayList<>();
		ListShardsResponse page = this.kinesis.listShards((b) -> b.streamName(stream));
		shards.addAll(page.shards());
		while (page.nextToken() != null) {
			String token = page.nextToken();
			page = this.kinesis.listShards((b) -> b.nextToken(token));
			shards.addAll(page.shards());
		}
		return shards;
	}

	/**
	 * @param lease the shard's lease item, null before the group's first worker created
	 * it
	 */
	private ShardLag lag(ConsumerGroup group, String shardId, ShardLease lease) {
		String owner = (lease != null) ? lease.owner() : null;
		String checkpoint = (lease != null) ? lease.checkpoint() : null;
		if (LeaseTableAttributes.SHARD_END.equals(checkpoint)) {
			// KCL checkpoints SHARD_END only after processing a closed shard's last
			// record.
			return ShardLag.caughtUp(group, shardId, owner, checkpoint);
		}
		if (LeaseTableAttributes.LATEST.equals(checkpoint) || LeaseTableAttributes.AT_TIMESTAMP.equals(checkpoint)) {
			// The position is the worker's start time or a configured timestamp, neither
			// of which is in the lease: no number would be honest.
			return ShardLag.unknown(group, shardId, owner, checkpoint);
		}
		String iterator = this.kinesis.getShardIterator((b) -> {
			b.streamName(group.stream()).shardId(shardId);
			if (checkpoint == null || LeaseTableAttributes.TRIM_HORIZON.equals(checkpoint)) {
				b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
			}
			else {
				b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).startingSequenceNumber(checkpoint);
			}
		}).shardIterator();
		LagScan scan = new LagScan(this.recordsBound);
		// The first page is one record: its MillisBehindLatest and arrival time give the
		// time behind at the cost of one small call.
		int limit = 1;
		while (scan.accept(getRecords(iterator, limit))) {
			iterator = scan.nextIterator();
			limit = scan.nextLimit();
		}
		return scan.result(group, shardId, owner, checkpoint, this.clock.instant());
	}

	private GetRecordsResponse getRecords(String iterator, int limit) {
		return this.kinesis.getRecords((b) -> b.shardIterator(iterator).limit(limit));
	}

}
