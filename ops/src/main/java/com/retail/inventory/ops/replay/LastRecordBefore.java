package com.retail.inventory.ops.replay;

import java.time.Instant;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * Reads one window of a shard forward and keeps the last record that arrived before the
 * window's end: fed GetRecords pages, it says when to stop (the first record at or after
 * the end, the shard's tip, a closed shard's end, or a bound on calls). Plain state, fed
 * by {@link ShardPositionFinder}.
 */
final class LastRecordBefore {

	/**
	 * GetRecords calls per window at most: real Kinesis can answer empty pages while
	 * behind, and a window must not turn into a read of a whole busy shard unnoticed.
	 */
	static final int MAX_CALLS = 200;

	private final Instant end;

	private String sequenceNumber;

	private int calls;

	private boolean exhausted;

	private String nextIterator;

	LastRecordBefore(Instant end) {
		this.end = end;
	}

	/**
	 * @return whether to call GetRecords again with {@link #nextIterator()}
	 */
	boolean accept(GetRecordsResponse page) {
		this.calls++;
		boolean empty = !page.hasRecords() || page.records().isEmpty();
		if (!empty) {
			for (Record record : page.records()) {
				if (!record.approximateArrivalTimestamp().isBefore(this.end)) {
					return false;
				}
				this.sequenceNumber = record.sequenceNumber();
			}
		}
		this.nextIterator = page.nextShardIterator();
		if (this.nextIterator == null) {
			return false;
		}
		if (empty && (page.millisBehindLatest() == null || page.millisBehindLatest() == 0)) {
			return false;
		}
		if (this.calls >= MAX_CALLS) {
			this.exhausted = true;
			return false;
		}
		return true;
	}

	String nextIterator() {
		return this.nextIterator;
	}

	/** The last record before the end, null when the window had none. */
	String sequenceNumber() {
		return this.sequenceNumber;
	}

	/** Whether the read stopped at the bound on calls before reaching the end. */
	boolean exhausted() {
		return this.exhausted;
	}

	int calls() {
		return this.calls;
	}

}
