package com.retail.inventory.ops.status;

import java.time.Instant;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;

/**
 * Counts the records after a checkpoint from successive GetRecords responses, stopping at
 * a bound so that a group far behind costs a few calls, not a read of the whole shard.
 * Plain state, fed by {@link ConsumerLagSection}.
 */
final class LagScan {

	/**
	 * GetRecords calls per shard at most: real Kinesis can answer empty pages while
	 * behind.
	 */
	static final int MAX_CALLS = 20;

	private final long bound;

	private long records;

	private int calls;

	private long millisBehindLatest = -1;

	private Instant firstArrival;

	private boolean caughtUp;

	private String nextIterator;

	LagScan(long bound) {
		this.bound = bound;
	}

	/**
	 * Takes the next response.
	 * @return whether to call GetRecords again (with {@link #nextIterator()} and
	 * {@link #nextLimit()})
	 */
	boolean accept(GetRecordsResponse response) {
		this.calls++;
		if (this.millisBehindLatest < 0) {
			this.millisBehindLatest = (response.millisBehindLatest() != null) ? response.millisBehindLatest() : 0;
		}
		if (this.firstArrival == null && response.hasRecords() && !response.records().isEmpty()) {
			this.firstArrival = response.records().get(0).approximateArrivalTimestamp();
		}
		this.records += response.hasRecords() ? response.records().size() : 0;
		this.nextIterator = response.nextShardIterator();
		// Empty at the tip: nothing more. (An emulator may answer MillisBehindLatest 0
		// while returning records, so a page with records never ends the count.)
		boolean atTip = (!response.hasRecords() || response.records().isEmpty())
				&& (response.millisBehindLatest() == null || response.millisBehindLatest() == 0);
		// A closed shard's last page has no next iterator.
		this.caughtUp = atTip || this.nextIterator == null;
		return !this.caughtUp && this.records < this.bound && this.calls < MAX_CALLS;
	}

	String nextIterator() {
		return this.nextIterator;
	}

	int nextLimit() {
		return (int) Math.min(10_000, Math.max(1, this.bound - this.records));
	}

	ShardLag result(ConsumerGroup group, String shard, String owner, String checkpoint, Instant now) {
		long behind = Math.max(0, this.millisBehindLatest);
		if (this.firstArrival != null) {
			behind = Math.max(behind, now.toEpochMilli() - this.firstArrival.toEpochMilli());
		}
		return new ShardLag(group.group(), group.stream(), shard, owner, checkpoint, behind, this.records,
				!this.caughtUp);
	}

}
