package com.retail.inventory.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.UploadsTable;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readiness follows the dependencies: UP with the binder and the tables; DOWN, naming the
 * table, while the upload tracking table is gone; UP again once it is back. Liveness does
 * not look at dependencies.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoaderReadinessIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void readinessGoesDownWhileATableIsGoneAndUpWhenItIsBack(LocalAwsClients aws) throws Exception {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> ready = get("/actuator/health/readiness");
			assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
			JsonNode components = JsonMapper.shared().readTree(ready.body()).get("components");
			assertThat(components.get("binders").get("status").asString()).isEqualTo("UP");
			assertThat(components.get("tables").get("status").asString()).isEqualTo("UP");
		});

		String table = InventoryResources.load().uploadsTable();
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

	/** As the local provisioner creates it: the ByDay index and TTL on ExpiresAt. */
	private static void recreate(LocalAwsClients aws, String table) {
		aws.dynamoDb()
			.createTable((b) -> b.tableName(table)
				.keySchema(key(UploadsTable.UPLOAD_ID, KeyType.HASH))
				.attributeDefinitions(string(UploadsTable.UPLOAD_ID), string(UploadsTable.RECEIVED_DAY),
						string(UploadsTable.RECEIVED_AT))
				.globalSecondaryIndexes((i) -> i.indexName(UploadsTable.BY_DAY_INDEX)
					.keySchema(key(UploadsTable.RECEIVED_DAY, KeyType.HASH),
							key(UploadsTable.RECEIVED_AT, KeyType.RANGE))
					.projection((p) -> p.projectionType(ProjectionType.ALL)))
				.billingMode(BillingMode.PAY_PER_REQUEST));
		aws.dynamoDb()
			.updateTimeToLive((b) -> b.tableName(table)
				.timeToLiveSpecification((t) -> t.enabled(true).attributeName(UploadsTable.EXPIRES_AT)));
	}

	private static KeySchemaElement key(String name, KeyType type) {
		return KeySchemaElement.builder().attributeName(name).keyType(type).build();
	}

	private static AttributeDefinition string(String name) {
		return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
