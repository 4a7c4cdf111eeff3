package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.UploadsTable;
import com.retail.inventory.local.ChangeStreamBridge;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inventory API against the emulators, with the local change-stream bridge running
 * (table → DynamoDB stream → {@code inventory-changes}), as in the local platform: the
 * view follows writes to the table without a restart, answers 304 to the current entity
 * tag, keeps each user to their stores, serves a 10,000-item store, and exports CSV that
 * a spreadsheet cannot run.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class InventoryApiIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final InventoryResources NAMES = InventoryResources.load();

	private static final String PASSWORD = "Inventory-Test-2026!";

	private static final String HEAD_OFFICE = "hq-user";

	private static final String BERLIN_MANAGER = "berlin-manager";

	private static final String NEW_STARTER = "no-group-user";

	private static final String MEGASTORE = "Megastore";

	private static final int MEGASTORE_ITEMS = 10_000;

	private static ChangeStreamBridge bridge;

	private static LocalAwsClients clients;

	/** The tables local provisioning made, before the dashboard started. */
	private static List<String> tables;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void cognito(DynamicPropertyRegistry registry) {
		DashboardTestProperties.register(registry);
		// Only the event of a change through the dashboard can apply a threshold within
		// the test.
		registry.add("inventory.dashboard.view.thresholds-refresh", () -> "1h");
	}

	@BeforeAll
	static void data(LocalAwsClients aws, LocalResources resources) {
		clients = aws;
		tables = aws.dynamoDb().listTables().tableNames();
		user(aws, resources, HEAD_OFFICE, NAMES.headOfficeGroup(), null);
		user(aws, resources, BERLIN_MANAGER, NAMES.storeManagersGroup(), "Berlin");
		user(aws, resources, NEW_STARTER, null, null);

		put(aws, resources, "Berlin", "Echo Dot", 12);
		put(aws, resources, "Berlin", "Echo Plus", 0);
		put(aws, resources, "Berlin", "=HYPERLINK(\"http://evil\")", 3);
		put(aws, resources, "Pusan", "Echo Dot", 0);
		List<WriteRequest> writes = IntStream.range(0, MEGASTORE_ITEMS)
			.mapToObj((i) -> WriteRequest.builder()
				.putRequest(PutRequest.builder().item(item(MEGASTORE, String.format("Item %05d", i), i % 50)).build())
				.build())
			.toList();
		for (int from = 0; from < writes.size(); from += 25) {
			List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + 25));
			aws.dynamoDb().batchWriteItem((b) -> b.requestItems(Map.of(resources.inventoryTable(), batch)));
		}

		// Berlin's newest upload, as ingest and the loader track it.
		Instant received = Instant.now().minusSeconds(60);
		Map<String, AttributeValue> upload = new HashMap<>();
		upload.put(UploadsTable.UPLOAD_ID, AttributeValue.fromS(resources.bucket() + "/stores/Berlin/a.csv#e@1"));
		upload.put(UploadsTable.KEY, AttributeValue.fromS("stores/Berlin/a.csv"));
		upload.put(UploadsTable.STATUS, AttributeValue.fromS("LOADED"));
		upload.put(UploadsTable.STORES, AttributeValue.fromSs(List.of("Berlin")));
		upload.put(UploadsTable.RECEIVED_AT, AttributeValue.fromS(received.toString()));
		upload.put(UploadsTable.RECEIVED_DAY,
				AttributeValue.fromS(received.atOffset(ZoneOffset.UTC).toLocalDate().toString()));
		upload.put(UploadsTable.FINISHED_AT, AttributeValue.fromS(received.plusSeconds(5).toString()));
		aws.dynamoDb().putItem((b) -> b.tableName(NAMES.uploadsTable()).item(upload));

		// What AWS does with Kinesis Data Streams for DynamoDB, done locally.
		bridge = new ChangeStreamBridge(aws, resources.inventoryTableStreamArn(), resources.inventoryTable(),
				resources.changesStream())
			.start();
	}

	@AfterAll
	static void stopBridge() {
		if (bridge != null) {
			bridge.close();
		}
	}

	@Test
	void aWriteToTheTableShowsUpWithoutARestartAndTheOldTagIsNoLongerCurrent(LocalAwsClients aws,
			LocalResources resources) throws Exception {
		String token = token(HEAD_OFFICE);
		HttpResponse<String> before = get("/api/stores", token, null);
		assertThat(before.statusCode()).isEqualTo(200);
		assertThat(before.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(before.headers().firstValue("Cache-Control")).hasValue("no-cache");
		String etag = before.headers().firstValue("ETag").orElseThrow();
		JsonNode stores = JSON.readTree(before.body());
		assertThat(stores.findValuesAsString("store")).containsExactly("Berlin", MEGASTORE, "Pusan");
		JsonNode berlin = stores.get(0);
		assertThat(berlin.propertyNames()).containsExactly("store", "items", "outOfStock", "lowStock", "units",
				"updatedAt");
		assertThat(berlin.get("items").asInt()).isEqualTo(3);
		assertThat(berlin.get("outOfStock").asInt()).isEqualTo(1);
		assertThat(berlin.get("units").asLong()).isEqualTo(15);

		HttpResponse<String> unchanged = get("/api/stores", token, etag);
		assertThat(unchanged.statusCode()).isEqualTo(304);
		assertThat(unchanged.body()).isEmpty();
		assertThat(unchanged.headers().firstValue("ETag")).hasValue(etag);

		put(aws, resources, "Berlin", "Echo Show", 7);
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			HttpResponse<String> after = get("/api/stores", token, etag);
			assertThat(after.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(after.body()).get(0).get("items").asInt()).isEqualTo(4);
		});
		JsonNode items = JSON.readTree(get("/api/stores/Berlin/items", token, null).body());
		assertThat(items.findValuesAsString("item")).contains("Echo Show");
		assertThat(items.get(0).propertyNames()).containsExactly("item", "count", "outOfStock", "level", "lowStock",
				"updatedAt", "uploadId");
	}

	/** No checkpoint or lock table: the consumer keeps both in memory. */
	@Test
	void theDashboardCreatedNoTables(LocalAwsClients aws) throws Exception {
		// Started, bound and reading.
		assertThat(get("/api/stores", token(HEAD_OFFICE), null).statusCode()).isEqualTo(200);
		assertThat(aws.dynamoDb().listTables().tableNames()).containsExactlyInAnyOrderElementsOf(tables);
	}

	@Test
	void aStoreManagerSeesOnlyTheirStoresUnderTagsOfTheirOwn() throws Exception {
		String headOffice = token(HEAD_OFFICE);
		String manager = token(BERLIN_MANAGER);

		HttpResponse<String> all = get("/api/stores", headOffice, null);
		HttpResponse<String> own = get("/api/stores", manager, null);
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(own.body()).findValuesAsString("store")).containsExactly("Berlin");
		String ownTag = own.headers().firstValue("ETag").orElseThrow();
		assertThat(ownTag).isNotEqualTo(all.headers().firstValue("ETag").orElseThrow());
		// Head office's tag is not the manager's: the manager gets their list, not a 304.
		assertThat(get("/api/stores", manager, all.headers().firstValue("ETag").orElseThrow()).statusCode())
			.isEqualTo(200);
		assertThat(get("/api/stores", manager, ownTag).statusCode()).isEqualTo(304);

		for (String path : List.of("/api/stores/Pusan", "/api/stores/Pusan/items", "/api/stores/Pusan/items.csv",
				"/api/stores/Nowhere/items")) {
			HttpResponse<String> refused = get(path, manager, null);
			assertThat(refused.statusCode()).as(path).isEqualTo(403);
			assertThat(JSON.readTree(refused.body()).get("message").asString()).as(path).contains("Berlin");
		}
		assertThat(get("/api/stores/Nowhere/items", headOffice, null).statusCode()).isEqualTo(404);
		assertThat(get("/api/stores/Nowhere", headOffice, null).statusCode()).isEqualTo(404);

		JsonNode dot = JSON.readTree(get("/api/items/" + enc("Echo Dot"), manager, null).body());
		assertThat(dot.findValuesAsString("store")).containsExactly("Berlin");
		assertThat(JSON.readTree(get("/api/items/" + enc("Echo Dot"), headOffice, null).body())
			.findValuesAsString("store")).containsExactly("Berlin", "Pusan");
		assertThat(get("/api/items/Nothing", headOffice, null).statusCode()).isEqualTo(404);

		JsonNode overview = JSON.readTree(get("/api/overview", manager, null).body());
		assertThat(overview.get("stores").asInt()).isEqualTo(1);
		assertThat(overview.get("attention").findValuesAsString("store")).containsOnly("Berlin");
		JsonNode everything = JSON.readTree(get("/api/overview", headOffice, null).body());
		assertThat(everything.get("stores").asInt()).isEqualTo(3);
		assertThat(everything.get("attention").get(0).get("level").asString()).isEqualTo("OUT");
		assertThat(everything.get("attention").size()).isLessThanOrEqualTo(500);

		// In no group: 403 with the reason, not empty lists.
		for (String path : List.of("/api/stores", "/api/overview", "/api/items/Echo%20Dot", "/api/attention.csv")) {
			HttpResponse<String> refused = get(path, token(NEW_STARTER), null);
			assertThat(refused.statusCode()).as(path).isEqualTo(403);
			assertThat(JSON.readTree(refused.body()).get("message").asString()).as(path).contains("no dashboard group");
		}

		String csv = get("/api/stores.csv", manager, null).body();
		assertThat(csv.lines().toList()).hasSize(2)
			.first()
			.isEqualTo("store,items,outOfStock,lowStock,units,updatedAt");
		assertThat(get("/api/attention.csv", manager, null).body()).doesNotContain("Pusan", MEGASTORE);
	}

	@Test
	void oneStoreHasItsTotalsAndItsNewestUpload() throws Exception {
		HttpResponse<String> response = get("/api/stores/Berlin", token(BERLIN_MANAGER), null);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode berlin = JSON.readTree(response.body());
		assertThat(berlin.propertyNames()).containsExactly("store", "items", "outOfStock", "lowStock", "units",
				"updatedAt", "lastUpload");
		assertThat(berlin.get("lastUpload").propertyNames()).containsExactly("id", "key", "status", "receivedAt",
				"finishedAt");
		assertThat(berlin.get("lastUpload").get("key").asString()).isEqualTo("stores/Berlin/a.csv");
		assertThat(berlin.get("lastUpload").get("status").asString()).isEqualTo("LOADED");
		assertThat(get("/api/stores/Berlin", token(BERLIN_MANAGER), response.headers().firstValue("ETag").orElseThrow())
			.statusCode()).isEqualTo(304);
		assertThat(JSON.readTree(get("/api/stores/Pusan", token(HEAD_OFFICE), null).body()).get("lastUpload").isNull())
			.isTrue();
	}

	@Test
	void aTenThousandItemStoreIsServedFromMemoryAnd304IsCheap() throws Exception {
		String token = token(HEAD_OFFICE);
		HttpResponse<String> first = get("/api/stores/" + MEGASTORE + "/items", token, null);
		assertThat(first.statusCode()).isEqualTo(200);
		JsonNode items = JSON.readTree(first.body());
		assertThat(items).hasSize(MEGASTORE_ITEMS);
		assertThat(items.get(0).get("item").asString()).isEqualTo("Item 00000");
		assertThat(items.get(0).get("outOfStock").asBoolean()).isTrue();
		String etag = first.headers().firstValue("ETag").orElseThrow();

		List<Long> full = new ArrayList<>();
		List<Long> notModified = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			long start = System.nanoTime();
			assertThat(get("/api/stores/" + MEGASTORE + "/items", token, null).statusCode()).isEqualTo(200);
			full.add((System.nanoTime() - start) / 1_000_000);
			start = System.nanoTime();
			assertThat(get("/api/stores/" + MEGASTORE + "/items", token, etag).statusCode()).isEqualTo(304);
			notModified.add((System.nanoTime() - start) / 1_000_000);
		}
		// Compressed once per version for clients that accept gzip (browsers do); 304 to
		// either tag.
		HttpResponse<byte[]> gzipped = this.http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/stores/" + MEGASTORE + "/items"))
			.header("Authorization", "Bearer " + token)
			.header("Accept-Encoding", "gzip")
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gzipped.headers().firstValue("Vary"))
			.hasValueSatisfying((vary) -> assertThat(vary).contains("Accept-Encoding"));
		String gzipTag = gzipped.headers().firstValue("ETag").orElseThrow();
		assertThat(gzipTag).isEqualTo(ETags.gzip(etag));
		assertThat(gzipped.body().length).isLessThan(first.body().length() / 5);
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(first.body());
		}
		assertThat(get("/api/stores/" + MEGASTORE + "/items", token, gzipTag).statusCode()).isEqualTo(304);

		full.sort(null);
		notModified.sort(null);
		// Generous bounds for a shared 2-core machine: the table is never read per
		// request.
		assertThat(full.get(full.size() / 2)).as("median ms of a full answer %s", full).isLessThan(500);
		assertThat(notModified.get(notModified.size() / 2)).as("median ms of a 304 %s", notModified).isLessThan(100);
	}

	/**
	 * At once: the view reads the thresholds again every 30 s, this takes less than 10.
	 */
	@Test
	void aThresholdSetThroughTheDashboardAppliesAtOnce() throws Exception {
		String token = token(HEAD_OFFICE);
		String item = "/api/items/" + enc("Item 00001");
		assertThat(JSON.readTree(get(item, token, null).body()).get(0).get("level").asString()).isEqualTo("OK");
		HttpResponse<String> set = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/thresholds"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers
					.ofString("{\"store\": \"" + MEGASTORE + "\", \"item\": \"Item 00001\", \"lowStock\": 5}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			JsonNode row = JSON.readTree(get(item, token, null).body()).get(0);
			assertThat(row.get("level").asString()).isEqualTo("LOW");
			assertThat(row.get("lowStock").asLong()).isEqualTo(5);
		});
		assertThat(JSON.readTree(get("/api/stores", token, null).body()).get(1).get("lowStock").asInt()).isEqualTo(1);
	}

	@Test
	void csvExportsNeutraliseFormulasAndAreAttachments() throws Exception {
		HttpResponse<String> csv = get("/api/stores/Berlin/items.csv", token(HEAD_OFFICE), null);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase("text/csv;charset=UTF-8"));
		assertThat(csv.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).startsWith("attachment")
				.contains("filename=\"Berlin-items.csv\""));
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo("item,count,outOfStock,level,lowStock,updatedAt,uploadId");
		assertThat(csv.body())
			.contains("\"'=HYPERLINK(\"\"http://evil\"\")\",3,false,OK,,2026-12-01T10:00:00.123Z,upload-1")
			.doesNotContain("\n=HYPERLINK");

		HttpResponse<String> attention = get("/api/attention.csv", token(HEAD_OFFICE), null);
		assertThat(attention.body().lines().findFirst()).hasValue("store,item,count,level,updatedAt");
		assertThat(attention.body()).contains("Berlin,Echo Plus,0,OUT", "Pusan,Echo Dot,0,OUT");
		assertThat(get("/api/items/" + enc("Echo Dot") + ".csv", token(HEAD_OFFICE), null).body().lines()).hasSize(3);
	}

	@Test
	void theChartLibraryIsServedFromItsWebJarWithOrWithoutTheVersion() throws Exception {
		for (String path : List.of("/webjars/echarts/dist/echarts.min.js",
				"/webjars/echarts/5.3.1/dist/echarts.min.js")) {
			HttpResponse<String> script = get(path, null, null);
			assertThat(script.statusCode()).as(path).isEqualTo(200);
			assertThat(script.headers().firstValue("Content-Type")).as(path)
				.hasValueSatisfying((type) -> assertThat(type).contains("javascript"));
			assertThat(script.body()).as(path).contains("echarts").hasSizeGreaterThan(500_000);
		}
	}

	private HttpResponse<String> get(String path, String bearer, String ifNoneMatch) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** An ID token: it carries the user's groups and {@code custom:stores}. */
	private static String token(String username) {
		LocalResources resources = LocalAwsExtension.resources();
		return clients.cognito()
			.initiateAuth((b) -> b.clientId(resources.userPoolClientId())
				.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
				.authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD)))
			.authenticationResult()
			.idToken();
	}

	private static void user(LocalAwsClients aws, LocalResources resources, String username, String group,
			String stores) {
		String pool = resources.userPoolId();
		List<AttributeType> attributes = new ArrayList<>();
		if (stores != null) {
			try {
				aws.cognito()
					.addCustomAttributes((b) -> b.userPoolId(pool)
						.customAttributes(SchemaAttributeType.builder()
							.name("stores")
							.attributeDataType(AttributeDataType.STRING)
							.mutable(true)
							.build()));
			}
			catch (CognitoIdentityProviderException ex) {
				// The pool has it already (local provisioning adds it).
			}
			attributes.add(AttributeType.builder().name("custom:stores").value(stores).build());
		}
		aws.cognito()
			.adminCreateUser(
					(b) -> b.userPoolId(pool).username(username).messageAction("SUPPRESS").userAttributes(attributes));
		aws.cognito()
			.adminSetUserPassword((b) -> b.userPoolId(pool).username(username).password(PASSWORD).permanent(true));
		if (group != null) {
			aws.cognito().adminAddUserToGroup((b) -> b.userPoolId(pool).username(username).groupName(group));
		}
	}

	private static Map<String, AttributeValue> item(String store, String item, long count) {
		return Map.of(InventoryTable.STORE, AttributeValue.fromS(store), InventoryTable.ITEM,
				AttributeValue.fromS(item), InventoryTable.COUNT, AttributeValue.fromN(Long.toString(count)),
				InventoryTable.UPDATED_AT, AttributeValue.fromS("2026-12-01T10:00:00.123456789Z"),
				InventoryTable.UPLOAD_ID, AttributeValue.fromS("upload-1"));
	}

	private static void put(LocalAwsClients aws, LocalResources resources, String store, String item, long count) {
		aws.dynamoDb().putItem((b) -> b.tableName(resources.inventoryTable()).item(item(store, item, count)));
	}

}
