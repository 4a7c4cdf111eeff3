package com.retail.inventory.ops.status;

import com.retail.inventory.contracts.BinderTableAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads each group's checkpoints and, from each checkpoint, what of the shard is still
 * waiting: the binder's checkpoint table holds the last sequence number the group
 * processed per shard, and a GetRecords after it shows the records not yet processed.
 * Nothing is consumed or checkpointed: a shard iterator is only a read position.
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
			for (Shard shard : shards(group.stream())) {
				shards.add(lag(group, shard.shardId()));
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

	private ShardLag lag(ConsumerGroup group, String shardId) {
		String checkpoint = checkpoint(group, shardId);
		String iterator = this.kinesis.getShardIterator((b) -> {
			b.streamName(group.stream()).shardId(shardId);
			if (checkpoint == null) {
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
		return scan.result(group, shardId, checkpoint, this.clock.instant());
	}

	private GetRecordsResponse getRecords(String iterator, int limit) {
		return this.kinesis.getRecords((b) -> b.shardIterator(iterator).limit(limit));
	}

	/** The group's checkpoint for the shard, or null when it has none. */
	private String checkpoint(ConsumerGroup group, String shardId) {
		Map<String, AttributeValue> item = this.dynamoDb
			.getItem((b) -> b.tableName(group.checkpointTable())
				.consistentRead(true)
				.key(Map.of(BinderTableAttributes.CHECKPOINT, AttributeValue.fromS(group.checkpointKey(shardId)))))
			.item();
		if (item == null || !item.containsKey(BinderTableAttributes.CHECKPOINT_SEQUENCE)) {
			return null;
		}
		return item.get(BinderTableAttributes.CHECKPOINT_SEQUENCE).s();
	}

}
