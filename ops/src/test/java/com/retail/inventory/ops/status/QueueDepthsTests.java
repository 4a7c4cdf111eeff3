package com.retail.inventory.ops.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueueDepthsTests {

	@Test
	void aBusyWorkQueueIsHealthy() {
		QueueDepths depths = new QueueDepths(List.of(new QueueRow("inventory-upload-events", false, 40, 3, null),
				new QueueRow("inventory-upload-events-dlq", true, 0, 0, null)));
		assertThat(depths.health()).isEqualTo(Health.OK);
	}

	@Test
	void anyMessageInADeadLetterQueueIsUnhealthy() {
		QueueDepths depths = new QueueDepths(List.of(new QueueRow("inventory-records-dlq", true, 1, 0, 61_000L),
				new QueueRow("inventory-upload-events-dlq", true, 0, 2, null)));
		assertThat(depths.health()).isEqualTo(Health.UNHEALTHY);
		assertThat(depths.problems()).containsExactly("dead-letter queue inventory-records-dlq holds 1 message",
				"dead-letter queue inventory-upload-events-dlq holds 2 messages");
		assertThat(depths.tables().get(0).rows()).containsExactly(
				List.of("inventory-records-dlq", "yes", "1", "0", "1m1s"),
				List.of("inventory-upload-events-dlq", "yes", "0", "2", "-"));
	}

}
