package com.retail.inventory.ops.status;

import java.util.List;
import java.util.Objects;

/**
 * The upload-events queue and the dead-letter queues. Unhealthy when a dead-letter queue
 * is not empty.
 *
 * @param queues one row per queue
 */
public record QueueDepths(List<QueueRow> queues) implements SectionResult {

	public static final String NAME = "queues";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String title() {
		return "SQS queues";
	}

	@Override
	public Health health() {
		return problems().isEmpty() ? Health.OK : Health.UNHEALTHY;
	}

	@Override
	public List<String> problems() {
		return this.queues.stream().map(QueueRow::problem).filter(Objects::nonNull).toList();
	}

	@Override
	public List<Table> tables() {
		return List.of(new Table("", List.of("QUEUE", "DLQ", "VISIBLE", "IN FLIGHT", "OLDEST"),
				this.queues.stream()
					.map((q) -> List.of(q.name(), q.deadLetter() ? "yes" : "no", String.valueOf(q.visible()),
							String.valueOf(q.inFlight()), q.oldestText()))
					.toList()));
	}

	@Override
	public Object data() {
		return this;
	}

}
