package com.retail.inventory.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConsumerBehindTests {

	private static final Instant NOW = Instant.parse("2026-12-03T05:00:00Z");

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ConsumerBehind behind = new ConsumerBehind(this.meters, "loadInventory-in-0",
			Clock.fixed(NOW, ZoneOffset.UTC));

	private double gauge() {
		return this.meters.get(OperationalMeters.CONSUMER_BEHIND)
			.tag(OperationalMeters.BINDING, "loadInventory-in-0")
			.gauge()
			.value();
	}

	@Test
	void isTheAgeOfTheNewestRecordOfTheLastBatchInSeconds() {
		assertThat(this.meters.get(OperationalMeters.CONSUMER_BEHIND).gauge().getId().getBaseUnit())
			.isEqualTo("seconds");
		assertThat(gauge()).as("no batch yet").isZero();

		this.behind.received(Stream.of(NOW.minusSeconds(600), NOW.minusMillis(90_500), NOW.minusSeconds(300)));
		assertThat(gauge()).isEqualTo(90.5);

		this.behind.received(Stream.of(NOW.minusMillis(250)));
		assertThat(gauge()).isEqualTo(0.25);
	}

	@Test
	void neverNegativeAndKeptWhenABatchSaysNothing() {
		this.behind.received(Stream.of(NOW.minusSeconds(7)));
		this.behind.received(Stream.empty());
		this.behind.received(Arrays.stream(new Instant[] { null }));
		assertThat(gauge()).as("no arrival time: the last value stays").isEqualTo(7.0);

		this.behind.received(Stream.of(NOW.plusSeconds(2)));
		assertThat(gauge()).as("a record from the future (clock skew)").isZero();
	}

}
