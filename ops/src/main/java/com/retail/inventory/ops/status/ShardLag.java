package com.retail.inventory.ops.status;

import java.time.Duration;

/**
 * How far one consumer group is behind on one shard.
 *
 * @param group the consumer group
 * @param stream the stream
 * @param shard the shard id
 * @param checkpoint the checkpointed sequence number, null when the group has none for
 * the shard (it starts at the shard's beginning)
 * @param behindMillis the time behind: the larger of Kinesis' MillisBehindLatest and the
 * age of the first record after the checkpoint; 0 when nothing is waiting
 * @param recordsBehind records after the checkpoint, counted up to a bound
 * @param recordsBehindAtLeast whether the count stopped at the bound, so the group is at
 * least that many records behind
 */
public record ShardLag(String group, String stream, String shard, String checkpoint, long behindMillis,
		long recordsBehind, boolean recordsBehindAtLeast) {

	public Duration behind() {
		return Duration.ofMillis(this.behindMillis);
	}

	/** {@code 42}, or {@code ≥ 1000} when the count stopped at the bound. */
	public String recordsText() {
		return (this.recordsBehindAtLeast ? "≥ " : "") + this.recordsBehind;
	}

	/** Why this shard is unhealthy (behind more than allowed), or null. */
	public String problem(Duration maxBehind) {
		return (behind().compareTo(maxBehind) > 0) ? this.group + " is " + Durations.format(behind()) + " behind on "
				+ this.stream + "/" + this.shard + " (more than " + Durations.format(maxBehind) + ")" : null;
	}

}
