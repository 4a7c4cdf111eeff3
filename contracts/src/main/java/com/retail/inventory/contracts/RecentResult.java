package com.retail.inventory.contracts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The last result of a check, reused for a while: the services' readiness checks call
 * AWS, and several pods probed every few seconds would otherwise multiply the calls. One
 * definition for every service's readiness.
 */
public final class RecentResult<T> implements Supplier<T> {

	private final Duration timeToLive;

	private final Supplier<T> source;

	private final Clock clock;

	private T last;

	private Instant takenAt = Instant.MIN;

	public RecentResult(Duration timeToLive, Supplier<T> source) {
		this(timeToLive, source, Clock.systemUTC());
	}

	public RecentResult(Duration timeToLive, Supplier<T> source, Clock clock) {
		this.timeToLive = timeToLive;
		this.source = source;
		this.clock = clock;
	}

	/** The last result if younger than the time to live, else a new one. */
	@Override
	public synchronized T get() {
		Instant now = this.clock.instant();
		if (this.last == null || !now.isBefore(this.takenAt.plus(this.timeToLive))) {
			this.last = this.source.get();
			this.takenAt = now;
		}
		return this.last;
	}

}
