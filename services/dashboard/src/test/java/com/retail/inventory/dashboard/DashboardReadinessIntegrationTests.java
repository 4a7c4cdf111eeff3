package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.ThresholdsTable;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readiness follows the dependencies: UP with the binder, the tables and Cognito's keys;
 * DOWN, naming the table, while the thresholds table is gone; UP again once it is back.
 * Liveness does not look at dependencies. (Keys that cannot be fetched:
 * {@link DashboardKeysUnreachableIntegrationTests}.)
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardReadinessIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void cognito(DynamicPropertyRegistry registry) {
		DashboardTestProperties.register(registry);
	}

	@Test
	void readinessGoesDownWhileATableIsGoneAndUpWhenItIsBack(LocalAwsClients aws) throws Exception {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> ready = get(this.http, this.port);
			assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
			JsonNode components = JsonMapper.shared().readTree(ready.body()).get("components");
			assertThat(components.get("binders").get("status").asString()).isEqualTo("UP");
			assertThat(components.get("tables").get("status").asString()).isEqualTo("UP");
			assertThat(components.get("cognitoKeys").get("status").asString()).isEqualTo("UP");
		});

		String table = InventoryResources.load().thresholdsTable();
		aws.dynamoDb().deleteTable((b) -> b.tableName(table));
		try {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				HttpResponse<String> ready = get(this.http, this.port);
				assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
				JsonNode tables = JsonMapper.shared().readTree(ready.body()).get("components").get("tables");
				assertThat(tables.get("status").asString()).isEqualTo("DOWN");
				assertThat(tables.get("details").get("table").asString()).isEqualTo(table);
			});
			HttpResponse<String> live = this.http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health/liveness"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(live.statusCode()).isEqualTo(200);
		}
		finally {
			// As the local provisioner creates it.
			aws.dynamoDb()
				.createTable((b) -> b.tableName(table)
					.keySchema(key(ThresholdsTable.STORE, KeyType.HASH), key(ThresholdsTable.ITEM, KeyType.RANGE))
					.attributeDefinitions(string(ThresholdsTable.STORE), string(ThresholdsTable.ITEM))
					.billingMode(BillingMode.PAY_PER_REQUEST));
		}

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get(this.http, this.port).statusCode()).isEqualTo(200));
	}

	static HttpResponse<String> get(HttpClient http, int port) throws Exception {
		return http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static KeySchemaElement key(String name, KeyType type) {
		return KeySchemaElement.builder().attributeName(name).keyType(type).build();
	}

	private static AttributeDefinition string(String name) {
		return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
	}

}
