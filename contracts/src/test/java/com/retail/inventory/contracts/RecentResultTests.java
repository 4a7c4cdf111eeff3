package com.retail.inventory.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentResultTests {

	private Instant now = Instant.parse("2026-12-03T06:00:00Z");

	private final Clock clock = new Clock() {

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return RecentResultTests.this.now;
		}

	};

	@Test
	void reusesTheLastResultUntilItIsAsOldAsTheTimeToLive() {
		AtomicInteger checks = new AtomicInteger();
		RecentResult<Integer> recent = new RecentResult<>(Duration.ofSeconds(5), checks::incrementAndGet, this.clock);

		assertThat(recent.get()).isEqualTo(1);
		this.now = this.now.plusMillis(4_999);
		assertThat(recent.get()).as("still fresh").isEqualTo(1);
		this.now = this.now.plusMillis(1);
		assertThat(recent.get()).as("5 s old: checked again").isEqualTo(2);
		assertThat(checks).hasValue(2);
	}

	@Test
	void aZeroTimeToLiveChecksEveryTime() {
		AtomicInteger checks = new AtomicInteger();
		RecentResult<Integer> recent = new RecentResult<>(Duration.ZERO, checks::incrementAndGet, this.clock);
		recent.get();
		recent.get();
		assertThat(checks).hasValue(2);
	}

}
