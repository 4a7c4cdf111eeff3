package com.retail.inventory.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock in UTC that tests move forward (token expiry, time windows, grace periods):
 * either the system clock plus what the test advanced ({@link #MutableClock()}) or a
 * clock that stands still at a given instant until the test advances it
 * ({@link #at(Instant)}).
 */
public final class MutableClock extends Clock {

	/** Where the clock starts; {@code null}: the system clock's time. */
	private final Instant start;

	private volatile Duration offset = Duration.ZERO;

	/** The system clock, until advanced. */
	public MutableClock() {
		this(null);
	}

	private MutableClock(Instant start) {
		this.start = start;
	}

	/** A clock that stays at {@code start} until advanced. */
	public static MutableClock at(Instant start) {
		return new MutableClock(start);
	}

	/** Moves the clock forward. */
	public void advance(Duration by) {
		this.offset = this.offset.plus(by);
	}

	/** Takes back every advance. */
	public void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return ((this.start != null) ? this.start : Instant.now()).plus(this.offset);
	}

}
