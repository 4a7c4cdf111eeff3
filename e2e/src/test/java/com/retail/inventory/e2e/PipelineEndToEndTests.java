package com.retail.inventory.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.local.DemoUsers;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalPlatform;
import com.retail.inventory.local.SnsEnvelope;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline as it runs locally: S3 upload, SQS notification, ingest, Kinesis,
 * loader, DynamoDB, change stream, stock-alert, SNS, and the dashboard, each service its
 * own process.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTests {

	private static final List<String> SAMPLES = List.of("inventory-berlin.csv", "inventory-calcutta.csv",
			"inventory-karachi.csv", "inventory-pusan.csv");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration PIPELINE = Duration.ofSeconds(120);

	private static Path root;

	private static LocalPlatform platform;

	private static final List<JsonNode> alerts = new ArrayList<>();

	@BeforeAll
	static void start() {
		root = LocalAwsExtension.repositoryRoot();
		platform = LocalPlatform.start(root, Path.of("target", "e2e-logs"), LocalPlatform.Ports.free(),
				Duration.ofMinutes(4));
	}

	@AfterAll
	static void stop() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	@Order(1)
	void theFourSampleFilesBecomeTwentyFourRowsWithTheFilesCounts() throws Exception {
		for (String sample : SAMPLES) {
			upload(sample);
		}
		Map<String, String> expected = new TreeMap<>();
		for (String sample : SAMPLES) {
			expected.putAll(countsIn(root.resolve("samples").resolve(sample)));
		}
		assertThat(expected).hasSize(24);

		await().atMost(PIPELINE)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(tableCounts()).isEqualTo(expected));
	}

	@Test
	@Order(2)
	void exactlyFourOutOfStockAlertsArrive() {
		await().atMost(PIPELINE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			alerts.addAll(receiveAlerts());
			assertThat(alerts).hasSizeGreaterThanOrEqualTo(4);
		});
		// Nothing more trickles in afterwards.
		await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20)).until(() -> true);
		alerts.addAll(receiveAlerts());

		assertThat(alerts).extracting(a -> a.get("Message").asString())
			.containsExactlyInAnyOrder("Berlin is out of stock of Echo Plus", "Pusan is out of stock of Echo Show",
					"Calcutta is out of stock of Echo (2nd Gen)", "Karachi is out of stock of Echo Plus");
		assertThat(alerts).allSatisfy(a -> {
			assertThat(a.get("Subject").asString()).isEqualTo("Inventory Alert!");
			assertThat(a.get("MessageAttributes").get("type").get("Value").asString()).isEqualTo("OUT_OF_STOCK");
			assertThat(a.get("MessageAttributes").get("count").get("Value").asString()).isEqualTo("0");
		});
	}

	@Test
	@Order(3)
	void uploadingBerlinAgainChangesNothingAndSendsNoAlert() throws Exception {
		Map<String, String> before = tableCounts();
		Map<String, String> berlinUpdatedAt = updatedAt("Berlin");

		upload("inventory-berlin.csv");

		// The loader rewrote Berlin's rows (new UpdatedAt): the upload went all the way
		// through...
		await().atMost(PIPELINE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Map<String, String> now = updatedAt("Berlin");
			assertThat(now).hasSize(6);
			now.forEach((item, at) -> assertThat(at).isNotEqualTo(berlinUpdatedAt.get(item)));
		});
		// ...and changed no count, and alerted nobody.
		await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20)).until(() -> true);
		assertThat(tableCounts()).isEqualTo(before);
		assertThat(receiveAlerts()).isEmpty();
	}

	@Test
	@Order(4)
	void theDashboardApiServesBerlinToCognitoUsersOnly() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String base = "http://localhost:" + platform.ports().dashboard();

		String token = platform.aws()
			.cognito()
			.initiateAuth(b -> b.clientId(platform.resources().userPoolClientId())
				.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
				.authParameters(Map.of("USERNAME", DemoUsers.USERNAME, "PASSWORD", DemoUsers.PASSWORD)))
			.authenticationResult()
			.idToken();

		HttpResponse<String> items = http.send(HttpRequest.newBuilder(URI.create(base + "/api/stores/Berlin/items"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(items.statusCode()).isEqualTo(200);
		JsonNode berlin = JSON.readTree(items.body());
		Map<String, String> served = new TreeMap<>();
		berlin.forEach(i -> served.put("Berlin/" + i.get("item").asString(), i.get("count").asString()));
		assertThat(served).isEqualTo(countsIn(root.resolve("samples/inventory-berlin.csv")));

		HttpResponse<String> anonymous = http.send(
				HttpRequest.newBuilder(URI.create(base + "/api/stores/Berlin/items")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(401);

		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	@Order(5)
	void theBinderCreatedNoTablesOfItsOwn() {
		assertThat(platform.aws().dynamoDb().listTables().tableNames()).containsExactlyInAnyOrder("Inventory",
				"InventoryAlertLog", "InventoryLoaderCheckpoints", "InventoryLoaderLocks",
				"InventoryStockAlertCheckpoints", "InventoryStockAlertLocks");
	}

	private static void upload(String sample) {
		platform.aws()
			.s3()
			.putObject(b -> b.bucket(platform.resources().bucket()).key(sample),
					root.resolve("samples").resolve(sample));
	}

	private static Map<String, String> countsIn(Path file) throws Exception {
		Map<String, String> counts = new TreeMap<>();
		try (Reader reader = Files.newBufferedReader(file)) {
			for (CSVRecord row : CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)) {
				counts.put(row.get("store") + "/" + row.get("item"), row.get("count"));
			}
		}
		return counts;
	}

	private static Map<String, String> tableCounts() {
		return platform.aws()
			.dynamoDb()
			.scanPaginator(b -> b.tableName(platform.resources().inventoryTable()))
			.items()
			.stream()
			.collect(Collectors.toMap(i -> i.get(InventoryTable.STORE).s() + "/" + i.get(InventoryTable.ITEM).s(),
					i -> i.get(InventoryTable.COUNT).n(), (a, b) -> a, TreeMap::new));
	}

	private static Map<String, String> updatedAt(String store) {
		return platform.aws()
			.dynamoDb()
			.query(b -> b.tableName(platform.resources().inventoryTable())
				.keyConditionExpression("#s = :s")
				.expressionAttributeNames(Map.of("#s", InventoryTable.STORE))
				.expressionAttributeValues(Map.of(":s", AttributeValue.fromS(store))))
			.items()
			.stream()
			.collect(Collectors.toMap(i -> i.get(InventoryTable.ITEM).s(), i -> i.get(InventoryTable.UPDATED_AT).s()));
	}

	private static List<JsonNode> receiveAlerts() {
		String queue = platform.resources().alertsObserverQueueUrl();
		List<JsonNode> received = new ArrayList<>();
		var messages = platform.aws()
			.sqs()
			.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
			.messages();
		for (var message : messages) {
			received.add(SnsEnvelope.parse(message.body()));
			platform.aws().sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(message.receiptHandle()));
		}
		return received;
	}

}
