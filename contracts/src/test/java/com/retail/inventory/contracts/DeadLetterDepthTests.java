package com.retail.inventory.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterDepthTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private double gauge() {
		return this.meters.get(OperationalMeters.DLQ_MESSAGES)
			.tag(OperationalMeters.QUEUE, "records-dlq")
			.gauge()
			.value();
	}

	@Test
	void showsTheLastDepthReadAndKeepsItWhenAReadFails() {
		Deque<Object> answers = new ArrayDeque<>(
				List.of(new IllegalStateException("SQS is down"), 3L, new IllegalStateException("throttled"), 0L));
		DeadLetterDepth depth = new DeadLetterDepth(this.meters, "records-dlq", "inventory-records-dlq", () -> {
			Object answer = answers.pop();
			if (answer instanceof RuntimeException ex) {
				throw ex;
			}
			return (Long) answer;
		}, Duration.ofMinutes(1));

		assertThat(gauge()).as("nothing read yet").isNaN();
		depth.poll();
		assertThat(gauge()).as("a failed first read is not an empty queue").isNaN();
		depth.poll();
		assertThat(gauge()).isEqualTo(3.0);
		depth.poll();
		assertThat(gauge()).as("kept after a failed read").isEqualTo(3.0);
		depth.poll();
		assertThat(gauge()).isZero();
	}

}
