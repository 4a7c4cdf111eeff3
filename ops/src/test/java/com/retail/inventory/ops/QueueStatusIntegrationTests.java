package com.retail.inventory.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The queues section against the emulators. */
@ExtendWith(LocalAwsExtension.class)
class QueueStatusIntegrationTests {

	@Test
	void aMessageInTheRecordsDeadLetterQueueMakesTheStatusUnhealthy(LocalAwsClients aws, LocalResources resources) {
		// A freshly provisioned platform is healthy.
		AwsStatus before = new AwsStatus(Clock.systemUTC()).run();
		assertThat(before.exitCode()).as(before.toString()).isZero();
		// (S3 may have put a test event on the upload queue when its notification was set
		// up.)
		long waiting = before.section("queues").get("data").get("queues").get(0).get("visible").asLong();

		aws.sqs().sendMessage((b) -> b.queueUrl(resources.uploadQueueUrl()).messageBody("{}"));
		aws.sqs().sendMessage((b) -> b.queueUrl(resources.recordsDlqUrl()).messageBody("{\"reason\":\"refused\"}"));

		AwsStatus after = new AwsStatus(Clock.systemUTC()).run();
		assertThat(after.exitCode()).as(after.toString()).isEqualTo(1);
		JsonNode section = after.section("queues");
		assertThat(section.get("problems")).extracting(JsonNode::asString)
			.containsExactly("dead-letter queue inventory-records-dlq holds 1 message");
		JsonNode queues = section.get("data").get("queues");
		assertThat(queues).extracting((q) -> q.get("name").asString())
			.containsExactly("inventory-upload-events", "inventory-upload-events-dlq", "inventory-records-dlq");
		// A message on the work queue is work, not a problem.
		assertThat(queues.get(0).get("visible").asLong()).isEqualTo(waiting + 1);
		assertThat(queues.get(0).get("deadLetter").asBoolean()).isFalse();
		JsonNode dlq = queues.get(2);
		assertThat(dlq.get("visible").asLong()).isEqualTo(1);
		assertThat(dlq.get("inFlight").asLong()).isZero();
		assertThat(dlq.get("oldestAgeMillis").asLong()).isGreaterThanOrEqualTo(0);
		// Peeking left the message where it was.
		AwsStatus again = new AwsStatus(Clock.systemUTC()).run();
		assertThat(again.section("queues").get("data").get("queues").get(2).get("visible").asLong()).isEqualTo(1);
	}

}
