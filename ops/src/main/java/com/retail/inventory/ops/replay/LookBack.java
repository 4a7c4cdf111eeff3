package com.retail.inventory.ops.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The windows read backwards from a time to find the last record before it: one minute
 * before it, then windows doubling in length further back, each ending where the later
 * one starts, until one reaches the stream's oldest possible record. The search stops at
 * the first window holding a record, so records are read once, and only those of the last
 * window searched and the windows after it: a busy shard costs the records of about the
 * last minute before the time, a quiet one a few empty windows.
 */
final class LookBack {

	static final Duration FIRST = Duration.ofMinutes(1);

	private LookBack() {
	}

	/**
	 * A window of the shard: records that arrived at or after {@code start} (null: from
	 * the shard's oldest record) and before {@code end}.
	 *
	 * @param start the window's start, null for TRIM_HORIZON
	 * @param end the window's end (exclusive)
	 */
	record Window(Instant start, Instant end) {
	}

	/**
	 * @param time the replay's time
	 * @param oldest the oldest record the stream can still hold (the retention period
	 * ago)
	 * @return the windows, latest first; the last starts at TRIM_HORIZON
	 */
	static List<Window> before(Instant time, Instant oldest) {
		List<Window> windows = new ArrayList<>();
		Instant end = time;
		Duration length = FIRST;
		while (true) {
			Instant start = time.minus(length);
			if (!start.isAfter(oldest)) {
				windows.add(new Window(null, end));
				return windows;
			}
			windows.add(new Window(start, end));
			end = start;
			length = length.multipliedBy(2);
		}
	}

}
