package com.retail.inventory.local;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
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
		for (var shard : kinesis.listShards((b) -> b.streamName(stream)).shards()) {
			String iterator = kinesis
				.getShardIterator((b) -> b.streamName(stream)
					.shardId(shard.shardId())
					.shardIteratorType(ShardIteratorType.TRIM_HORIZON))
				.shardIterator();
			// Up to the shard's end as of now: a read that returns nothing has caught up.
			while (iterator != null) {
				String current = iterator;
				GetRecordsResponse response = kinesis.getRecords((b) -> b.shardIterator(current).limit(10_000));
				records.addAll(response.records());
				iterator = response.records().isEmpty() ? null : response.nextShardIterator();
			}
		}
		return records;
	}

}
