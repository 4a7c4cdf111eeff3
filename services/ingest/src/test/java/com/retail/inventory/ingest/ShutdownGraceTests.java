package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.local.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;

class ShutdownGraceTests {

	private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-02T10:00:00Z"));

	@Test
	void aFileMayRunOnForTheGracePeriodAfterShutdownBegins() {
		ShutdownGrace grace = new ShutdownGrace(IngestPropertiesTests.properties("reports/"), this.clock);
		assertThat(grace.expired()).as("running").isFalse();

		grace.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));
		this.clock.advance(Duration.ofSeconds(19));
		assertThat(grace.expired()).as("within the 20 s grace").isFalse();

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(grace.expired()).as("grace over: hand the file back").isTrue();
	}

}
