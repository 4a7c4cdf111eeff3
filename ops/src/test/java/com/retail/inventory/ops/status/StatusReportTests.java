package com.retail.inventory.ops.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StatusReportTests {

	private static final QueueDepths HEALTHY = new QueueDepths(
			List.of(new QueueRow("inventory-upload-events", false, 0, 0, null)));

	private static final QueueDepths DLQ = new QueueDepths(
			List.of(new QueueRow("inventory-records-dlq", true, 1, 0, null)));

	@Test
	void theWorstSectionDecidesTheExitCode() {
		assertThat(new StatusReport(List.of(HEALTHY)).exitCode()).isZero();
		assertThat(new StatusReport(List.of()).exitCode()).isZero();
		assertThat(new StatusReport(List.of(HEALTHY, DLQ)).exitCode()).isEqualTo(1);
		assertThat(
				new StatusReport(List.of(DLQ, new UnavailableSection("kubernetes", "Kubernetes", "down"))).exitCode())
			.isEqualTo(2);
	}

	@Test
	void aSectionThatFailsIsUnknownAndTheOthersStillShow() {
		SectionResult failed = StatusReport.read("alerts", "Open alerts", () -> {
			throw new IllegalStateException("Cannot do operations on a non-existent table\nmore detail");
		});
		assertThat(failed.health()).isEqualTo(Health.UNKNOWN);
		assertThat(failed.problems())
			.containsExactly("could not be read: IllegalStateException: Cannot do operations on a non-existent table");
	}

	@Test
	void textShowsEachSectionItsRowsAndProblemsAndTheExitCode() {
		StringWriter text = new StringWriter();
		new TextRenderer().render(new StatusReport(List.of(HEALTHY, DLQ)), new PrintWriter(text));
		assertThat(text.toString()).isEqualTo("""
				== SQS queues: OK
				QUEUE                    DLQ  VISIBLE  IN FLIGHT  OLDEST
				inventory-upload-events  no   0        0          -

				== SQS queues: UNHEALTHY
				QUEUE                  DLQ  VISIBLE  IN FLIGHT  OLDEST
				inventory-records-dlq  yes  1        0          -
				! dead-letter queue inventory-records-dlq holds 1 message

				Status: UNHEALTHY (exit code 1)
				""");
	}

	@Test
	void jsonHasHealthProblemsAndTheRowsOfEachSection() {
		StringWriter json = new StringWriter();
		ShardLag lag = new ShardLag("loader", "inventory-records", "shardId-0", "loader-7d9f-x2", "49", 420_000L, 1000L,
				true);
		new JsonRenderer().render(new StatusReport(List.of(DLQ, new ConsumerLag(300_000, 1000, List.of(lag)))),
				new PrintWriter(json));
		JsonNode root = JsonMapper.builder().build().readTree(json.toString());
		assertThat(root.get("health").asString()).isEqualTo("UNHEALTHY");
		assertThat(root.get("exitCode").asInt()).isEqualTo(1);
		JsonNode queues = root.get("sections").get("queues");
		assertThat(queues.get("problems").get(0).asString()).contains("inventory-records-dlq");
		assertThat(queues.get("data").get("queues").get(0).get("visible").asLong()).isEqualTo(1);
		JsonNode shard = root.get("sections").get("consumerLag").get("data").get("shards").get(0);
		assertThat(shard.get("behindMillis").asLong()).isEqualTo(420_000);
		assertThat(shard.get("recordsBehindAtLeast").asBoolean()).isTrue();
		assertThat(shard.get("owner").asString()).isEqualTo("loader-7d9f-x2");
		// Only the rows: what is derived from them is in health and problems.
		assertThat(root.get("sections").get("consumerLag").get("data").propertyNames())
			.containsExactlyInAnyOrder("maxBehindMillis", "recordsBound", "shards");
	}

}
