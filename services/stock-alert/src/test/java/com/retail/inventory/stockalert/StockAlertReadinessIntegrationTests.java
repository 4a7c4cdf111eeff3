package com.retail.inventory.stockalert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.contracts.AlertLogTable;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readiness follows the dependencies: UP with the binder, the topic and the tables; DOWN,
 * naming the table, while the alert log is gone; UP again once it is back. Liveness does
 * not look at dependencies.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StockAlertReadinessIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void topic(DynamicPropertyRegistry registry) {
		registry.add("inventory.stock-alert.topic-arn", () -> LocalAwsExtension.resources().noStockTopicArn());
	}

	@Test
	void readinessGoesDownWhileATableIsGoneAndUpWhenItIsBack(LocalAwsClients aws, LocalResources resources)
			throws Exception {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> ready = get("/actuator/health/readiness");
			assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
			JsonNode components = JsonMapper.shared().readTree(ready.body()).get("components");
			assertThat(components.get("binders").get("status").asString()).isEqualTo("UP");
			assertThat(components.get("alertTopic").get("status").asString()).isEqualTo("UP");
			assertThat(components.get("tables").get("status").asString()).isEqualTo("UP");
		});

		String table = resources.alertLogTable();
		aws.dynamoDb().deleteTable((b) -> b.tableName(table));
		try {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				HttpResponse<String> ready = get("/actuator/health/readiness");
				assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
				JsonNode tables = JsonMapper.shared().readTree(ready.body()).get("components").get("tables");
				assertThat(tables.get("status").asString()).isEqualTo("DOWN");
				assertThat(tables.get("details").get("table").asString()).isEqualTo(table);
			});
			// The process is fine: liveness does not depend on AWS.
			assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		}
		finally {
			recreate(aws, table);
		}

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> ready = get("/actuator/health/readiness");
			assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
		});
	}

	/** As the local provisioner creates it. */
	private static void recreate(LocalAwsClients aws, String table) {
		aws.dynamoDb()
			.createTable((b) -> b.tableName(table)
				.keySchema((k) -> k.attributeName(AlertLogTable.ALERT_ID).keyType(KeyType.HASH))
				.attributeDefinitions(
						(a) -> a.attributeName(AlertLogTable.ALERT_ID).attributeType(ScalarAttributeType.S))
				.billingMode(BillingMode.PAY_PER_REQUEST));
		aws.dynamoDb()
			.updateTimeToLive((b) -> b.tableName(table)
				.timeToLiveSpecification((t) -> t.enabled(true).attributeName(AlertLogTable.EXPIRES_AT)));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
