package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;

class ShutdownGraceTests {

	private Instant now = Instant.parse("2026-12-02T10:00:00Z");

	private final Clock clock = new Clock() {
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
			return ShutdownGraceTests.this.now;
		}
	};

	@Test
	void aFileMayRunOnForTheGracePeriodAfterShutdownBegins() {
		ShutdownGrace grace = new ShutdownGrace(IngestPropertiesTests.properties("reports/"), this.clock);
		assertThat(grace.expired()).as("running").isFalse();

		grace.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));
		this.now = this.now.plus(Duration.ofSeconds(19));
		assertThat(grace.expired()).as("within the 20 s grace").isFalse();

		this.now = this.now.plus(Duration.ofSeconds(1));
		assertThat(grace.expired()).as("grace over: hand the file back").isTrue();
	}

}
