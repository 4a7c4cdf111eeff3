package com.retail.inventory.local;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads back everything a stream holds, shard by shard, so tests can check what a service
 * wrote.
 */
public final class KinesisStreamReader {

	private KinesisStreamReader() {
	}

	public static List<Record> readAll(KinesisClient kinesis, String stream) {
		List<Record> records = new ArrayList<>();
		for (var shard : kinesis.listShards(b -> b.streamName(stream)).shards()) {
			String iterator = kinesis
				.getShardIterator(b -> b.streamName(stream)
					.shardId(shard.shardId())
					.shardIteratorType(ShardIteratorType.TRIM_HORIZON))
				.shardIterator();
			// Enough for test-sized streams: one GetRecords call returns up to 10,000
			// records per shard.
			records.addAll(kinesis.getRecords(b -> b.shardIterator(iterator)).records());
		}
		return records;
	}

}
