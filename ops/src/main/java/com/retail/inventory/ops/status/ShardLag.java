package com.retail.inventory.ops.status;

import java.time.Duration;

/**
 * How far one consumer group is behind on one shard.
 *
 * @param group the consumer group
 * @param stream the stream
 * @param shard the shard id
 * @param owner the worker (pod) holding the shard's lease, null when none does or the
 * shard has no lease yet
 * @param checkpoint the lease's checkpoint: a sequence number or a KCL sentinel
 * (TRIM_HORIZON, LATEST, AT_TIMESTAMP, SHARD_END); null when the group has no lease for
 * the shard yet (counted from the shard's beginning)
 * @param behindMillis the time behind: the larger of Kinesis' MillisBehindLatest and the
 * age of the first record after the checkpoint; 0 when nothing is waiting; null when
 * unknown (a LATEST or AT_TIMESTAMP checkpoint: where the group starts depends on when
 * its worker starts or on its configuration)
 * @param recordsBehind records after the checkpoint, counted up to a bound; null when
 * unknown
 * @param recordsBehindAtLeast whether the count stopped at the bound, so the group is at
 * least that many records behind
 */
public record ShardLag(String group, String stream, String shard, String owner, String checkpoint, Long behindMillis,
		Long recordsBehind, boolean recordsBehindAtLeast) {

	/** A shard whose lag cannot be told from its checkpoint alone. */
	static ShardLag unknown(ConsumerGroup group, String shard, String owner, String checkpoint) {
		return new ShardLag(group.group(), group.stream(), shard, owner, checkpoint, null, null, false);
	}

	/** A shard with nothing waiting (a closed shard read to its end). */
	static ShardLag caughtUp(ConsumerGroup group, String shard, String owner, String checkpoint) {
		return new ShardLag(group.group(), group.stream(), shard, owner, checkpoint, 0L, 0L, false);
	}

	/** The time behind, null when unknown. */
	public Duration behind() {
		return (this.behindMillis != null) ? Duration.ofMillis(this.behindMillis) : null;
	}

	/** {@code 42}, {@code ≥ 1000} when the count stopped at the bound, {@code ?}. */
	public String recordsText() {
		if (this.recordsBehind == null) {
			return "?";
		}
		return (this.recordsBehindAtLeast ? "≥ " : "") + this.recordsBehind;
	}

	/** {@code 7m12s}, {@code ?} when unknown. */
	public String behindText() {
		return (this.behindMillis != null) ? Durations.format(behind()) : "?";
	}

	/**
	 * Why this shard is unhealthy (behind more than allowed), or null; an unknown lag is
	 * not a failure.
	 */
	public String problem(Duration maxBehind) {
		Duration behind = behind();
		return (behind != null && behind.compareTo(maxBehind) > 0) ? this.group + " is " + Durations.format(behind)
				+ " behind on " + this.stream + "/" + this.shard + " (more than " + Durations.format(maxBehind) + ")"
				: null;
	}

}
