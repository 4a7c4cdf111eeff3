package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readiness follows the dependencies: UP with the upload events queue and the tracking
 * table; DOWN, naming the queue, while the queue is gone; UP again once it is back.
 * Liveness does not look at dependencies.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestReadinessIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.aws.s3.path-style-access-enabled", () -> "true");
	}

	@Test
	void readinessGoesDownWhileTheQueueIsGoneAndUpWhenItIsBack(LocalAwsClients aws, LocalResources resources)
			throws Exception {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> ready = get("/actuator/health/readiness");
			assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
			JsonNode components = JsonMapper.shared().readTree(ready.body()).get("components");
			assertThat(components.get("uploadEventsQueue").get("status").asString()).isEqualTo("UP");
			assertThat(components.get("uploadsTable").get("status").asString()).isEqualTo("UP");
		});

		String queue = InventoryResources.load().uploadEventsQueue();
		// Recreated as it was: the redrive policy, visibility timeout and size limit.
		Map<QueueAttributeName, String> attributes = aws.sqs()
			.getQueueAttributes((b) -> b.queueUrl(resources.uploadQueueUrl())
				.attributeNames(List.of(QueueAttributeName.REDRIVE_POLICY, QueueAttributeName.VISIBILITY_TIMEOUT,
						QueueAttributeName.MAXIMUM_MESSAGE_SIZE)))
			.attributes();
		aws.sqs().deleteQueue((b) -> b.queueUrl(resources.uploadQueueUrl()));
		try {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				HttpResponse<String> ready = get("/actuator/health/readiness");
				assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
				JsonNode down = JsonMapper.shared().readTree(ready.body()).get("components").get("uploadEventsQueue");
				assertThat(down.get("status").asString()).isEqualTo("DOWN");
				assertThat(down.get("details").get("queue").asString()).isEqualTo(queue);
			});
			// The process is fine: liveness does not depend on AWS.
			assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		}
		finally {
			aws.sqs().createQueue((b) -> b.queueName(queue).attributes(attributes));
		}

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> ready = get("/actuator/health/readiness");
			assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
		});
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
