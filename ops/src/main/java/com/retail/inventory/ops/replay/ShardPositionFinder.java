package com.retail.inventory.ops.replay;

import com.retail.inventory.contracts.LeaseTableAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Finds, per shard, the checkpoint that makes KCL resume with the first record that
 * arrived at or after a time: KCL resumes after a checkpoint, never at a sequence number,
 * so the checkpoint is the last record before the time, or TRIM_HORIZON when the shard
 * has none before it. Reads the shard backwards in {@link LookBack} windows.
 *
 * <p>
 * Cost per shard: one GetShardIterator per window searched plus the GetRecords pages (up
 * to 10,000 records each) of those windows. On a busy shard about the records of the
 * minute before the time (a page per 10,000); on a quiet one 2 requests per window, so 2
 * × (1 + log2(minutes back to the previous record)), at most 2 × 12 for a 24-hour stream
 * with nothing before the time. Once per stream: one DescribeStreamSummary and the
 * ListShards pages.
 */
public final class ShardPositionFinder {

	private final KinesisClient kinesis;

	private final String stream;

	private Instant oldest;

	private final Clock clock;

	public ShardPositionFinder(KinesisClient kinesis, String stream, Clock clock) {
		this.kinesis = kinesis;
		this.stream = stream;
		this.clock = clock;
	}

	public List<String> shards() {
		List<String> shards = new ArrayList<>();
		ListShardsResponse page = this.kinesis.listShards((b) -> b.streamName(this.stream));
		page.shards().stream().map(Shard::shardId).forEach(shards::add);
		while (page.nextToken() != null) {
			String token = page.nextToken();
			page = this.kinesis.listShards((b) -> b.nextToken(token));
			page.shards().stream().map(Shard::shardId).forEach(shards::add);
		}
		return shards;
	}

	/**
	 * @return the checkpoint to write: a sequence number or {@code TRIM_HORIZON}
	 * @throws IllegalStateException when a window could not be read to its end within
	 * {@link LastRecordBefore#MAX_CALLS} calls
	 */
	public String checkpointFor(String shard, StartPosition from) {
		if (from.trimHorizon()) {
			return LeaseTableAttributes.TRIM_HORIZON;
		}
		for (LookBack.Window window : LookBack.before(from.timestamp(), oldest())) {
			String sequence = lastBefore(shard, window);
			if (sequence != null) {
				return sequence;
			}
		}
		return LeaseTableAttributes.TRIM_HORIZON;
	}

	private String lastBefore(String shard, LookBack.Window window) {
		String iterator = this.kinesis.getShardIterator((b) -> {
			b.streamName(this.stream).shardId(shard);
			if (window.start() == null) {
				b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
			}
			else {
				b.shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(window.start());
			}
		}).shardIterator();
		LastRecordBefore scan = new LastRecordBefore(window.end());
		while (true) {
			String current = iterator;
			boolean more = scan.accept(this.kinesis.getRecords((b) -> b.shardIterator(current).limit(10_000)));
			if (!more) {
				break;
			}
			iterator = scan.nextIterator();
		}
		if (scan.exhausted()) {
			throw new IllegalStateException(shard + ": read " + scan.calls() + " pages of the window "
					+ ((window.start() != null) ? window.start() : "TRIM_HORIZON") + " to " + window.end()
					+ " without reaching its end; nothing was changed");
		}
		return scan.sequenceNumber();
	}

	/**
	 * The oldest record the stream can hold: no window needs to start before the
	 * retention period. (Not the stream's creation: kept simple, that would only save the
	 * few empty windows of a young stream.)
	 */
	private Instant oldest() {
		if (this.oldest == null) {
			DescribeStreamSummaryResponse summary = this.kinesis
				.describeStreamSummary((b) -> b.streamName(this.stream));
			this.oldest = this.clock.instant()
				.minus(Duration.ofHours(summary.streamDescriptionSummary().retentionPeriodHours()));
		}
		return this.oldest;
	}

}
