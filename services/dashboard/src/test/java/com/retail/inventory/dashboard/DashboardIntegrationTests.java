package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.ThresholdsTable;
import com.retail.inventory.contracts.UploadReport;
import com.retail.inventory.contracts.UploadsTable;
import com.retail.inventory.local.DemoUsers;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard against the emulated Cognito pool, Inventory and upload tracking tables
 * and uploads bucket, over real HTTP.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final InventoryResources NAMES = InventoryResources.load();

	/** Upload tracking items, newest first (keys of {@link #uploadIds}). */
	private static final String FRESH = "fresh";

	private static final String MESSY = "messy";

	private static final String WAITING = "waiting";

	private static final String REJECTED = "rejected";

	private static final String SUPERSEDED = "superseded";

	private static final String EXPIRED = "expired";

	private static final String MESSY_KEY = "stores/Pusan/<script>alert(1)</script>.csv";

	private static final Map<String, String> uploadIds = new HashMap<>();

	/** The demo store manager (Berlin and Pusan), not in the head-office group. */
	private static final String MANAGER = DemoUsers.MANAGER;

	private static final String MANAGER_PASSWORD = DemoUsers.PASSWORD;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void cognito(DynamicPropertyRegistry registry) {
		DashboardTestProperties.register(registry);
	}

	@BeforeAll
	static void data(LocalAwsClients aws, LocalResources resources) {
		// Created the documented way (temporary passwords); these tests are not about the
		// first sign-in (SignInIntegrationTests is), so the passwords are made permanent.
		DemoUsers.create(aws.cognito(), resources.userPoolId());
		DemoUsers.confirmAll(aws.cognito(), resources.userPoolId());
		put(aws, resources, "Berlin", "Echo Dot", "12");
		put(aws, resources, "Berlin", "Echo Plus", "0");
		put(aws, resources, "Berlin", "<script>alert(1)</script>", "3");
		put(aws, resources, "Pusan", "Echo Show", "0");
		// An item without a count (not written by the loader) is neither in nor out of
		// stock.
		put(aws, resources, "Pusan", "Echo Look", null);
		// Not one of the store manager's stores.
		put(aws, resources, "Calcutta", "Echo Dot", "4");
	}

	/**
	 * Tracking items as ingest and the loader write them, over several days (one beyond
	 * the retention period), and their reports in the uploads bucket.
	 */
	@BeforeAll
	static void uploads(LocalAwsClients aws, LocalResources resources) {
		String table = NAMES.uploadsTable();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String prefix = NAMES.uploadsReportsPrefix();

		Map<String, AttributeValue> fresh = upload(FRESH, "stores/Berlin/fresh.csv", "LOADED",
				now.minus(Duration.ofMinutes(1)));
		fresh.put(UploadsTable.STORES, AttributeValue.fromSs(List.of("Berlin")));
		counts(fresh, 1, 3, 3, 0, 3);
		fresh.put(UploadsTable.REPORT_KEY,
				AttributeValue.fromS(UploadReport.jsonKey(prefix, "stores/Berlin/fresh.csv")));

		Map<String, AttributeValue> messy = upload(MESSY, MESSY_KEY, "LOADED_WITH_ERRORS",
				now.minus(Duration.ofHours(25)));
		messy.put(UploadsTable.STORES, AttributeValue.fromSs(List.of("Pusan", "Berlin")));
		messy.put(UploadsTable.REASON, AttributeValue.fromS("2 rows rejected"));
		counts(messy, 2, 5, 3, 2, 3);
		messy.put(UploadsTable.WARNINGS, AttributeValue.fromN("1"));
		messy.put(UploadsTable.REPORT_KEY, AttributeValue.fromS(UploadReport.jsonKey(prefix, MESSY_KEY)));
		putReport(aws, resources, UploadReport.jsonKey(prefix, MESSY_KEY),
				new UploadReport(uploadIds.get(MESSY), resources.bucket(), MESSY_KEY, "LOADED_WITH_ERRORS",
						"2 rows rejected", 5, 3, 2, 3,
						List.of(new UploadReport.RowError(3, 2, "count is not a number", "Pusan,<b>Echo</b>,x"),
								new UploadReport.RowError(6, 5, "store is empty", null)),
						false, List.of("Column price ignored"), now.toString(), now.toString()));

		// Just received: ingest has not read the file yet.
		Map<String, AttributeValue> waiting = upload(WAITING, "stores/Karachi/new.csv", "RECEIVED",
				now.minus(Duration.ofDays(3)));

		Map<String, AttributeValue> rejected = upload(REJECTED, "hello.csv", "REJECTED", now.minus(Duration.ofDays(5)));
		rejected.put(UploadsTable.REASON, AttributeValue.fromS("Not an inventory file: no store column"));
		rejected.put(UploadsTable.ROWS_TOTAL, AttributeValue.fromN("1"));

		// Its report was replaced by the report of a later upload of the same key.
		Map<String, AttributeValue> superseded = upload(SUPERSEDED, "stores/Berlin/again.csv", "LOADED_WITH_ERRORS",
				now.minus(Duration.ofDays(6)));
		superseded.put(UploadsTable.STORES, AttributeValue.fromSs(List.of("Berlin")));
		superseded.put(UploadsTable.REPORT_KEY,
				AttributeValue.fromS(UploadReport.jsonKey(prefix, "stores/Berlin/again.csv")));
		putReport(aws, resources, UploadReport.jsonKey(prefix, "stores/Berlin/again.csv"),
				new UploadReport(resources.bucket() + "/stores/Berlin/again.csv#newer@" + now, resources.bucket(),
						"stores/Berlin/again.csv", "LOADED", null, 1, 1, 0, 1, List.of(), false, List.of(),
						now.toString(), now.toString()));

		// Older than the retention period (DynamoDB's TTL deletes such items eventually).
		Map<String, AttributeValue> expired = upload(EXPIRED, "stores/Berlin/old.csv", "LOADED",
				now.minus(Duration.ofDays(NAMES.uploadsRetentionDays() + 30)));
		expired.put(UploadsTable.STORES, AttributeValue.fromSs(List.of("Berlin")));

		for (Map<String, AttributeValue> item : List.of(fresh, messy, waiting, rejected, superseded, expired)) {
			aws.dynamoDb().putItem(b -> b.tableName(table).item(item));
		}
	}

	private static Map<String, AttributeValue> upload(String name, String key, String status, Instant receivedAt) {
		String uploadId = NAMES.uploadsBucket() + "/" + key + "#etag-" + name + "@" + receivedAt;
		uploadIds.put(name, uploadId);
		Map<String, AttributeValue> item = new HashMap<>();
		item.put(UploadsTable.UPLOAD_ID, AttributeValue.fromS(uploadId));
		item.put(UploadsTable.BUCKET, AttributeValue.fromS(NAMES.uploadsBucket()));
		item.put(UploadsTable.KEY, AttributeValue.fromS(key));
		item.put(UploadsTable.STATUS, AttributeValue.fromS(status));
		item.put(UploadsTable.RECEIVED_AT, AttributeValue.fromS(receivedAt.toString()));
		item.put(UploadsTable.RECEIVED_DAY,
				AttributeValue.fromS(receivedAt.atOffset(ZoneOffset.UTC).toLocalDate().toString()));
		return item;
	}

	private static void counts(Map<String, AttributeValue> item, int stores, int total, int accepted, int rejected,
			int loaded) {
		item.put(UploadsTable.STORE_COUNT, AttributeValue.fromN(String.valueOf(stores)));
		item.put(UploadsTable.ROWS_TOTAL, AttributeValue.fromN(String.valueOf(total)));
		item.put(UploadsTable.ROWS_ACCEPTED, AttributeValue.fromN(String.valueOf(accepted)));
		item.put(UploadsTable.ROWS_REJECTED, AttributeValue.fromN(String.valueOf(rejected)));
		item.put(UploadsTable.ROWS_LOADED, AttributeValue.fromN(String.valueOf(loaded)));
		item.put(UploadsTable.ROWS_DEAD_LETTERED, AttributeValue.fromN("0"));
	}

	private static void putReport(LocalAwsClients aws, LocalResources resources, String key, UploadReport report) {
		aws.s3()
			.putObject(b -> b.bucket(resources.bucket()).key(key).contentType("application/json"),
					RequestBody.fromString(JSON.writeValueAsString(report)));
	}

	private static void put(LocalAwsClients aws, LocalResources resources, String store, String item, String count) {
		Map<String, AttributeValue> attributes = new HashMap<>(Map.of(InventoryTable.STORE, AttributeValue.fromS(store),
				InventoryTable.ITEM, AttributeValue.fromS(item)));
		if (count != null) {
			attributes.put(InventoryTable.COUNT, AttributeValue.fromN(count));
		}
		aws.dynamoDb().putItem(b -> b.tableName(resources.inventoryTable()).item(attributes));
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String token(LocalAwsClients aws, LocalResources resources, boolean idToken) {
		return token(aws, resources, DemoUsers.USERNAME, DemoUsers.PASSWORD, idToken);
	}

	private static String token(LocalAwsClients aws, LocalResources resources, String username, String password,
			boolean idToken) {
		var result = aws.cognito()
			.initiateAuth(b -> b.clientId(resources.userPoolClientId())
				.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
				.authParameters(Map.of("USERNAME", username, "PASSWORD", password)))
			.authenticationResult();
		return idToken ? result.idToken() : result.accessToken();
	}

	private HttpResponse<String> send(HttpClient http, String method, String path, String bearer, String json)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Map<String, AttributeValue> threshold(LocalAwsClients aws, String store, String item) {
		return aws.dynamoDb()
			.getItem(b -> b.tableName(NAMES.thresholdsTable())
				.consistentRead(true)
				.key(Map.of(ThresholdsTable.STORE, AttributeValue.fromS(store), ThresholdsTable.ITEM,
						AttributeValue.fromS(item))))
			.item();
	}

	private static String text(JsonNode value) {
		return value.isNull() ? null : value.asString();
	}

	private static String detail(HttpResponse<String> response) {
		return JSON.readTree(response.body()).get("detail").asString();
	}

	private HttpResponse<String> get(HttpClient http, String path, String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(url(path));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void apiAnswersWithACognitoIdOrAccessTokenAndOnlyThen(LocalAwsClients aws, LocalResources resources)
			throws Exception {
		HttpClient http = HttpClient.newHttpClient();

		assertThat(get(http, "/api/stores", null).statusCode()).isEqualTo(401);
		assertThat(get(http, "/api/stores", "not-a-token").statusCode()).isEqualTo(401);

		for (boolean idToken : new boolean[] { true, false }) {
			HttpResponse<String> stores = get(http, "/api/stores", token(aws, resources, idToken));
			assertThat(stores.statusCode()).isEqualTo(200);
			JsonNode body = JSON.readTree(stores.body());
			assertThat(body.findValuesAsString("store")).containsExactly("Berlin", "Calcutta", "Pusan");
			assertThat(body.get(0).get("store").asString()).isEqualTo("Berlin");
			assertThat(body.get(0).get("items").asInt()).isEqualTo(3);
			assertThat(body.get(0).get("outOfStock").asInt()).isEqualTo(1);
			assertThat(body.get(2).get("store").asString()).isEqualTo("Pusan");
			assertThat(body.get(2).get("items").asInt()).isEqualTo(2);
			assertThat(body.get(2).get("outOfStock").asInt()).isEqualTo(1);
		}

		HttpResponse<String> items = get(http, "/api/stores/Berlin/items", token(aws, resources, true));
		JsonNode berlin = JSON.readTree(items.body());
		assertThat(berlin).hasSize(3);
		assertThat(berlin.findValuesAsString("item")).containsExactly("<script>alert(1)</script>", "Echo Dot",
				"Echo Plus");
		assertThat(berlin.get(2).get("count").asLong()).isZero();
		assertThat(berlin.get(2).get("outOfStock").asBoolean()).isTrue();

		JsonNode pusan = JSON.readTree(get(http, "/api/stores/Pusan/items", token(aws, resources, true)).body());
		assertThat(pusan.get(0).get("item").asString()).isEqualTo("Echo Look");
		assertThat(pusan.get(0).get("count").isNull()).isTrue();
		assertThat(pusan.get(0).get("outOfStock").asBoolean()).isFalse();

		assertThat(get(http, "/api/stores/Nowhere/items", token(aws, resources, true)).statusCode()).isEqualTo(404);
	}

	/**
	 * Without a separate management port the actuator shares the app port, which the ALB
	 * exposes: Prometheus' endpoint needs a head office user's token there.
	 */
	@Test
	void prometheusOnTheAppPortNeedsAHeadOfficeToken(LocalAwsClients aws, LocalResources resources) throws Exception {
		HttpClient http = HttpClient.newHttpClient();

		HttpResponse<String> anonymous = get(http, "/actuator/prometheus", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).contains("\"status\":401");
		assertThat(get(http, "/actuator/prometheus", "not-a-token").statusCode()).isEqualTo(401);
		assertThat(get(http, "/actuator/metrics", null).statusCode()).isEqualTo(401);
		assertThat(
				get(http, "/actuator/prometheus", token(aws, resources, MANAGER, MANAGER_PASSWORD, true)).statusCode())
			.isEqualTo(403);
		assertThat(get(http, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);

		HttpResponse<String> headOffice = get(http, "/actuator/prometheus", token(aws, resources, true));
		assertThat(headOffice.statusCode()).isEqualTo(200);
		assertThat(headOffice.body())
			.contains("inventory_consumer_behind_seconds{application=\"dashboard\",binding=\"inventoryChanged-in-0\"}");
	}

	@Test
	void pagesRedirectToLoginAndShowEscapedStockAfterSigningInWithCognito() throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> anonymous = get(http, "/", null);
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(get(http, "/stores/Berlin", null).statusCode()).isEqualTo(302);

		HttpResponse<String> wrong = login(http, DemoUsers.USERNAME, "wrong-password");
		assertThat(wrong.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(get(http, "/", null).statusCode()).isEqualTo(302);

		HttpResponse<String> signedIn = login(http, DemoUsers.USERNAME, DemoUsers.PASSWORD);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(URI.create(l).getPath()).isEqualTo("/"));

		// The overview is a shell its script fills from the API.
		HttpResponse<String> stores = get(http, "/", null);
		assertThat(stores.statusCode()).isEqualTo(200);
		assertThat(stores.body()).contains(DemoUsers.USERNAME, "id=\"sign-out\"");

		// The store page is a shell its script fills from the API.
		HttpResponse<String> berlin = get(http, "/stores/Berlin", null);
		assertThat(berlin.statusCode()).isEqualTo(200);
		assertThat(berlin.body()).contains("Berlin").doesNotContain("<script>");
	}

	@Test
	void storeManagersSeeOnlyTheirStoresInTheApiPagesAndExports(LocalAwsClients aws, LocalResources resources)
			throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		// ID tokens carry custom:stores; for access tokens the dashboard asks Cognito
		// (GetUser).
		for (boolean idToken : new boolean[] { true, false }) {
			String manager = token(aws, resources, MANAGER, MANAGER_PASSWORD, idToken);
			HttpResponse<String> stores = get(http, "/api/stores", manager);
			assertThat(stores.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(stores.body()).findValuesAsString("store")).containsExactly("Berlin", "Pusan");
			assertThat(get(http, "/api/stores/Berlin/items", manager).statusCode()).isEqualTo(200);
			for (String path : List.of("/api/stores/Calcutta/items", "/api/stores/Calcutta/items.csv",
					"/api/stores/Calcutta")) {
				HttpResponse<String> refused = get(http, path, manager);
				assertThat(refused.statusCode()).as(path).isEqualTo(403);
				JsonNode body = JSON.readTree(refused.body());
				assertThat(body.get("status").asInt()).isEqualTo(403);
				assertThat(body.get("error").asString()).isEqualTo("Forbidden");
				assertThat(body.get("message").asString()).contains("'Calcutta'");
			}
			// Uploads that name none of the manager's stores (or no store yet) are not
			// listed.
			assertThat(uploadNames(JSON.readTree(get(http, "/api/uploads", manager).body()))).containsExactly(FRESH,
					MESSY, SUPERSEDED);
			assertThat(get(http, "/api/uploads?store=Calcutta", manager).statusCode()).isEqualTo(403);
			assertThat(get(http, "/api/uploads/" + UploadIds.encode(uploadIds.get(WAITING)), manager).statusCode())
				.isEqualTo(403);
		}

		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		login(browser, MANAGER, MANAGER_PASSWORD);
		assertThat(get(browser, "/stores/Berlin", null).statusCode()).isEqualTo(200);
		HttpResponse<String> calcutta = get(browser, "/stores/Calcutta", null);
		assertThat(calcutta.statusCode()).isEqualTo(403);
		assertThat(calcutta.body()).contains("id=\"forbidden\"", "id=\"forbidden-reason\"", "Calcutta");
		// The pages' scripts call the API with the session cookie: the same scope.
		assertThat(get(browser, "/api/stores/Calcutta/items", null).statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(get(browser, "/api/stores", null).body()).findValuesAsString("store"))
			.containsExactly("Berlin", "Pusan");
		assertThat(get(browser, "/uploads/" + UploadIds.encode(uploadIds.get(REJECTED)), null).statusCode())
			.isEqualTo(403);
	}

	@Test
	void usersInNoGroupAreRefusedEverywhereAndToldWhy(LocalAwsClients aws, LocalResources resources) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (boolean idToken : new boolean[] { true, false }) {
			String token = token(aws, resources, DemoUsers.NEW_STARTER, DemoUsers.PASSWORD, idToken);
			for (String path : List.of("/api/stores", "/api/thresholds", "/api/uploads")) {
				HttpResponse<String> refused = get(http, path, token);
				assertThat(refused.statusCode()).as(path).isEqualTo(403);
				JsonNode body = JSON.readTree(refused.body());
				assertThat(body.get("status").asInt()).isEqualTo(403);
				assertThat(body.get("error").asString()).isEqualTo("Forbidden");
				assertThat(body.get("message").asString()).contains(DemoUsers.NEW_STARTER, "no dashboard group",
						"Ask head office");
			}
		}

		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		login(browser, DemoUsers.NEW_STARTER, DemoUsers.PASSWORD);
		for (String path : List.of("/", "/stores/Berlin", "/thresholds", "/uploads")) {
			HttpResponse<String> page = get(browser, path, null);
			assertThat(page.statusCode()).as(path).isEqualTo(403);
			assertThat(page.body()).contains("<h1 id=\"forbidden\">", "id=\"forbidden-reason\"", DemoUsers.NEW_STARTER,
					"no dashboard group", "Ask head office");
		}
		assertThat(get(browser, "/api/stores", null).statusCode()).isEqualTo(403);
		// They can still sign out.
		HttpResponse<String> forbidden = get(browser, "/thresholds", null);
		HttpResponse<String> signedOut = post(browser, "/logout", "", csrf(forbidden.body()));
		assertThat(signedOut.statusCode()).isEqualTo(302);
		assertThat(signedOut.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
	}

	private List<String> uploadNames(JsonNode list) {
		return list.valueStream()
			.map((u) -> u.get("uploadId").asString())
			.map((id) -> uploadIds.entrySet()
				.stream()
				.filter((e) -> e.getValue().equals(id))
				.findFirst()
				.map(Map.Entry::getKey)
				.orElse(id))
			.toList();
	}

	@Test
	void uploadsApiListsNewestFirstWithFiltersAndLimitForTokensOnly(LocalAwsClients aws, LocalResources resources)
			throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String token = token(aws, resources, false);

		assertThat(get(http, "/api/uploads", null).statusCode()).isEqualTo(401);
		assertThat(get(http, "/api/uploads/" + UploadIds.encode(uploadIds.get(MESSY)), null).statusCode())
			.isEqualTo(401);

		HttpResponse<String> all = get(http, "/api/uploads", token);
		assertThat(all.statusCode()).isEqualTo(200);
		JsonNode list = JSON.readTree(all.body());
		assertThat(uploadNames(list)).containsExactly(FRESH, MESSY, WAITING, REJECTED, SUPERSEDED);
		JsonNode fresh = list.get(0);
		assertThat(fresh.get("id").asString()).isEqualTo(UploadIds.encode(uploadIds.get(FRESH)));
		assertThat(fresh.get("key").asString()).isEqualTo("stores/Berlin/fresh.csv");
		assertThat(fresh.get("status").asString()).isEqualTo("LOADED");
		assertThat(fresh.get("rowsLoaded").asLong()).isEqualTo(3);
		assertThat(fresh.get("stores").valueStream().map(JsonNode::asString)).containsExactly("Berlin");
		JsonNode waiting = list.get(2);
		assertThat(waiting.get("rowsTotal").isNull()).isTrue();
		assertThat(waiting.get("reportKey").isNull()).isTrue();
		assertThat(waiting.get("stores")).isEmpty();

		assertThat(uploadNames(JSON.readTree(get(http, "/api/uploads?limit=2", token).body()))).containsExactly(FRESH,
				MESSY);
		assertThat(uploadNames(JSON.readTree(get(http, "/api/uploads?store=Berlin", token).body())))
			.containsExactly(FRESH, MESSY, SUPERSEDED);
		assertThat(uploadNames(JSON.readTree(get(http, "/api/uploads?store=Berlin&limit=1", token).body())))
			.containsExactly(FRESH);
		assertThat(uploadNames(JSON.readTree(get(http, "/api/uploads?status=rejected", token).body())))
			.containsExactly(REJECTED);
		assertThat(uploadNames(
				JSON.readTree(get(http, "/api/uploads?status=LOADED_WITH_ERRORS&store=Pusan", token).body())))
			.containsExactly(MESSY);
		assertThat(JSON.readTree(get(http, "/api/uploads?store=Nowhere", token).body())).isEmpty();

		HttpResponse<String> badStatus = get(http, "/api/uploads?status=DONE", token);
		assertThat(badStatus.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(badStatus.body()).get("detail").asString()).contains("Unknown status 'DONE'",
				"LOADED_WITH_ERRORS");
		for (String limit : List.of("0", "201", "ten")) {
			HttpResponse<String> badLimit = get(http, "/api/uploads?limit=" + limit, token);
			assertThat(badLimit.statusCode()).isEqualTo(400);
			assertThat(JSON.readTree(badLimit.body()).get("detail").asString()).contains("from 1 to 200");
		}
	}

	@Test
	void uploadsApiShowsOneUploadWithTheErrorsOfItsReport(LocalAwsClients aws, LocalResources resources)
			throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String token = token(aws, resources, true);

		HttpResponse<String> messy = get(http, "/api/uploads/" + UploadIds.encode(uploadIds.get(MESSY)), token);
		assertThat(messy.statusCode()).isEqualTo(200);
		JsonNode detail = JSON.readTree(messy.body());
		assertThat(detail.get("uploadId").asString()).isEqualTo(uploadIds.get(MESSY));
		assertThat(detail.get("key").asString()).isEqualTo(MESSY_KEY);
		assertThat(detail.get("reason").asString()).isEqualTo("2 rows rejected");
		assertThat(detail.get("rowsRejected").asLong()).isEqualTo(2);
		assertThat(detail.get("stores").valueStream().map(JsonNode::asString)).containsExactly("Berlin", "Pusan");
		assertThat(detail.get("reportAvailable").asBoolean()).isTrue();
		assertThat(detail.get("errors")).hasSize(2);
		assertThat(detail.get("errors").get(0).get("line").asLong()).isEqualTo(3);
		assertThat(detail.get("errors").get(0).get("row").asLong()).isEqualTo(2);
		assertThat(detail.get("errors").get(0).get("reason").asString()).isEqualTo("count is not a number");
		assertThat(detail.get("errors").get(0).get("text").asString()).isEqualTo("Pusan,<b>Echo</b>,x");
		assertThat(detail.get("errors").get(1).get("text").isNull()).isTrue();
		assertThat(detail.get("errorsTruncated").asBoolean()).isFalse();
		assertThat(detail.get("warningsList").valueStream().map(JsonNode::asString))
			.containsExactly("Column price ignored");

		for (String name : List.of(WAITING, SUPERSEDED, FRESH)) {
			JsonNode noReport = JSON
				.readTree(get(http, "/api/uploads/" + UploadIds.encode(uploadIds.get(name)), token).body());
			assertThat(noReport.get("reportAvailable").asBoolean()).as(name).isFalse();
			assertThat(noReport.get("errors")).as(name).isEmpty();
		}

		HttpResponse<String> unknown = get(http,
				"/api/uploads/" + UploadIds.encode(resources.bucket() + "/nothing.csv#x@y"), token);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(unknown.body()).get("detail").asString()).contains("No upload with id");
		HttpResponse<String> invalid = get(http, "/api/uploads/not*an*id", token);
		assertThat(invalid.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(invalid.body()).get("detail").asString()).contains("is not an upload id");
	}

	@Test
	void uploadPagesNeedASessionAndShowEscapedUploadsAndErrors() throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> anonymous = get(http, "/uploads", null);
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(get(http, "/uploads/" + UploadIds.encode(uploadIds.get(MESSY)), null).statusCode()).isEqualTo(302);

		login(http, DemoUsers.USERNAME, DemoUsers.PASSWORD);

		HttpResponse<String> list = get(http, "/uploads", null);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.headers().firstValue("Content-Security-Policy"))
			.hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
		assertThat(list.body())
			.contains("href=\"/uploads\"", "stores/Berlin/fresh.csv", "hello.csv",
					"stores/Pusan/&lt;script&gt;alert(1)&lt;/script&gt;.csv", "LOADED WITH ERRORS", "RECEIVED",
					"href=\"/uploads/" + UploadIds.encode(uploadIds.get(MESSY)) + "\"")
			.doesNotContain("<script>", "stores/Berlin/old.csv", "style=");
		assertThat(list.body()).containsPattern("<label for=\"store-filter\">")
			.containsPattern("<label for=\"status-filter\">");

		HttpResponse<String> pusan = get(http, "/uploads?store=Pusan&status=", null);
		assertThat(pusan.statusCode()).isEqualTo(200);
		assertThat(pusan.body()).contains("&lt;script&gt;").doesNotContain("stores/Berlin/fresh.csv");

		HttpResponse<String> badStatus = get(http, "/uploads?status=%3Cb%3EDONE", null);
		assertThat(badStatus.statusCode()).isEqualTo(400);
		assertThat(badStatus.body()).contains("Unknown status &#39;&lt;b&gt;DONE&#39;").doesNotContain("<b>DONE");

		HttpResponse<String> detail = get(http, "/uploads/" + UploadIds.encode(uploadIds.get(MESSY)), null);
		assertThat(detail.statusCode()).isEqualTo(200);
		assertThat(detail.body())
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;", "2 rows rejected", "count is not a number",
					"Pusan,&lt;b&gt;Echo&lt;/b&gt;,x", "store is empty", "Column price ignored")
			.doesNotContain("<script>", "<b>Echo");

		HttpResponse<String> waiting = get(http, "/uploads/" + UploadIds.encode(uploadIds.get(WAITING)), null);
		assertThat(waiting.statusCode()).isEqualTo(200);
		assertThat(waiting.body()).contains("stores/Karachi/new.csv", "report of this upload is not available");

		HttpResponse<String> unknown = get(http, "/uploads/not*an*id", null);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("Upload not found");
	}

	@Test
	void thresholdsApiLetsEveryoneReadAndOnlyHeadOfficeWrite(LocalAwsClients aws, LocalResources resources)
			throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String headOfficeAccess = token(aws, resources, false);
		String headOfficeId = token(aws, resources, true);
		String manager = token(aws, resources, MANAGER, MANAGER_PASSWORD, false);
		String managerId = token(aws, resources, MANAGER, MANAGER_PASSWORD, true);

		assertThat(get(http, "/api/thresholds", null).statusCode()).isEqualTo(401);
		assertThat(send(http, "PUT", "/api/thresholds", null, "{\"lowStock\": 5}").statusCode()).isEqualTo(401);
		assertThat(send(http, "DELETE", "/api/thresholds", null, null).statusCode()).isEqualTo(401);
		assertThat(send(http, "PUT", "/api/thresholds", "not-a-token", "{\"lowStock\": 5}").statusCode())
			.isEqualTo(401);

		HttpResponse<String> set = send(http, "PUT", "/api/thresholds", headOfficeAccess,
				"{\"store\": \"Berlin\", \"item\": \"Echo Dot\", \"lowStock\": 5}");
		assertThat(set.statusCode()).isEqualTo(200);
		JsonNode stored = JSON.readTree(set.body());
		assertThat(stored.get("store").asString()).isEqualTo("Berlin");
		assertThat(stored.get("item").asString()).isEqualTo("Echo Dot");
		assertThat(stored.get("lowStock").asLong()).isEqualTo(5);
		assertThat(stored.get("updatedBy").asString()).isEqualTo(DemoUsers.USERNAME);
		assertThat(Instant.parse(stored.get("updatedAt").asString())).isCloseTo(Instant.now(),
				within(1, ChronoUnit.MINUTES));
		Map<String, AttributeValue> item = threshold(aws, "Berlin", "Echo Dot");
		assertThat(item.get(ThresholdsTable.LOW_STOCK).n()).isEqualTo("5");
		assertThat(item.get(ThresholdsTable.UPDATED_BY).s()).isEqualTo(DemoUsers.USERNAME);
		assertThat(item.get(ThresholdsTable.UPDATED_AT).s()).isEqualTo(stored.get("updatedAt").asString());

		// With an ID token too; null or absent stands for all (* in the table).
		assertThat(send(http, "PUT", "/api/thresholds", headOfficeId,
				"{\"store\": null, \"item\": null, \"lowStock\": 10}")
			.statusCode()).isEqualTo(200);
		assertThat(threshold(aws, ThresholdsTable.ANY, ThresholdsTable.ANY).get(ThresholdsTable.LOW_STOCK).n())
			.isEqualTo("10");
		assertThat(send(http, "PUT", "/api/thresholds", headOfficeId, "{\"item\": \"Echo Dot\", \"lowStock\": 7}")
			.statusCode()).isEqualTo(200);
		assertThat(send(http, "PUT", "/api/thresholds", headOfficeId, "{\"store\": \" Berlin \", \"lowStock\": 2}")
			.statusCode()).isEqualTo(200);
		assertThat(send(http, "PUT", "/api/thresholds", headOfficeId, "{\"store\": \"Berlin\", \"lowStock\": 3}")
			.statusCode()).isEqualTo(200);
		assertThat(threshold(aws, "Berlin", ThresholdsTable.ANY).get(ThresholdsTable.LOW_STOCK).n()).isEqualTo("3");

		// Anyone signed in may read: the default for all first, then by store and item.
		HttpResponse<String> list = get(http, "/api/thresholds", manager);
		assertThat(list.statusCode()).isEqualTo(200);
		List<JsonNode> thresholds = JSON.readTree(list.body())
			.valueStream()
			.filter((t) -> !"Pusan".equals(text(t.get("store"))))
			.toList();
		assertThat(thresholds)
			.extracting((t) -> text(t.get("store")) + "/" + text(t.get("item")) + "=" + t.get("lowStock").asLong())
			.containsExactly("null/null=10", "null/Echo Dot=7", "Berlin/null=3", "Berlin/Echo Dot=5");
		assertThat(thresholds.get(0).get("store").isNull()).isTrue();

		// Not head office: 403, nothing changes.
		for (String token : List.of(manager, managerId)) {
			HttpResponse<String> forbidden = send(http, "PUT", "/api/thresholds", token,
					"{\"store\": \"Berlin\", \"item\": \"Echo Dot\", \"lowStock\": 50}");
			assertThat(forbidden.statusCode()).isEqualTo(403);
			assertThat(forbidden.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(detail(forbidden)).contains("Only head office", "'" + NAMES.headOfficeGroup() + "'");
		}
		assertThat(send(http, "DELETE", "/api/thresholds?store=Berlin&item=Echo%20Dot", manager, null).statusCode())
			.isEqualTo(403);
		assertThat(threshold(aws, "Berlin", "Echo Dot").get(ThresholdsTable.LOW_STOCK).n()).isEqualTo("5");

		// Invalid requests: 400 with the reason.
		Map<String, String> invalid = Map.of("{\"store\": \"Berlin\", \"lowStock\": 0}",
				"lowStock must be a whole number", "{\"store\": \"Berlin\", \"lowStock\": 2.5}",
				"lowStock must be a whole number", "{\"store\": \"Berlin\"}", "lowStock is required",
				"{\"store\": \"*\", \"lowStock\": 5}", "store cannot be '*'", "{\"store\": \"\", \"lowStock\": 5}",
				"store must not be blank", "{\"item\": \"" + "x".repeat(129) + "\", \"lowStock\": 5}",
				"at most 128 characters", "{\"item\": \"Echo\\u0000Dot\", \"lowStock\": 5}", "control characters",
				"{\"Store\": \"Berlin\", \"lowStock\": 5}", "Unknown field(s) [Store]", "{\"lowStock\": 5",
				"must be a JSON object");
		for (Map.Entry<String, String> body : invalid.entrySet()) {
			HttpResponse<String> bad = send(http, "PUT", "/api/thresholds", headOfficeAccess, body.getKey());
			assertThat(bad.statusCode()).as(body.getKey()).isEqualTo(400);
			assertThat(detail(bad)).as(body.getKey()).contains(body.getValue());
		}

		// Delete by query parameters (left out for all) or by a JSON body.
		assertThat(send(http, "DELETE", "/api/thresholds?store=Berlin&item=Echo%20Dot", headOfficeAccess, null)
			.statusCode()).isEqualTo(204);
		assertThat(threshold(aws, "Berlin", "Echo Dot")).isEmpty();
		HttpResponse<String> gone = send(http, "DELETE", "/api/thresholds?store=Berlin&item=Echo%20Dot",
				headOfficeAccess, null);
		assertThat(gone.statusCode()).isEqualTo(404);
		assertThat(detail(gone)).isEqualTo("No threshold for Echo Dot in Berlin");
		assertThat(send(http, "DELETE", "/api/thresholds", headOfficeId, "{\"store\": null, \"item\": \"Echo Dot\"}")
			.statusCode()).isEqualTo(204);
		assertThat(send(http, "DELETE", "/api/thresholds?store=Berlin", headOfficeId, null).statusCode())
			.isEqualTo(204);
		assertThat(send(http, "DELETE", "/api/thresholds", headOfficeId, null).statusCode()).isEqualTo(204);
		assertThat(threshold(aws, ThresholdsTable.ANY, ThresholdsTable.ANY)).isEmpty();
		assertThat(JSON.readTree(get(http, "/api/thresholds", headOfficeId).body())
			.valueStream()
			.filter((t) -> !"Pusan".equals(text(t.get("store"))))).isEmpty();
	}

	@Test
	void thresholdsPageShowsTheFormToHeadOfficeOnly(LocalAwsClients aws) throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		assertThat(get(http, "/thresholds", null).statusCode()).isEqualTo(302);

		login(http, DemoUsers.USERNAME, DemoUsers.PASSWORD);
		HttpResponse<String> page = get(http, "/thresholds", null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body())
			.contains("href=\"/thresholds\"", "action=\"/thresholds\"", "<label for=\"threshold-store\">",
					"<label for=\"threshold-item\">", "<label for=\"threshold-low-stock\">", "No thresholds are set")
			.doesNotContain("style=", "<script>");

		// Post/Redirect/Get, with the CSRF token (without it: 403).
		String form = "store=Pusan&item=" + enc("<b>Echo</b>") + "&lowStock=4";
		assertThat(post(http, "/thresholds", form, null).statusCode()).isEqualTo(403);
		HttpResponse<String> set = post(http, "/thresholds", form, csrf(page.body()));
		assertThat(set.statusCode()).isEqualTo(302);
		assertThat(set.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(URI.create(l).getPath()).isEqualTo("/thresholds"));
		assertThat(threshold(aws, "Pusan", "<b>Echo</b>").get(ThresholdsTable.LOW_STOCK).n()).isEqualTo("4");
		assertThat(get(http, "/thresholds", null).body())
			.contains("Low stock for &lt;b&gt;Echo&lt;/b&gt; in Pusan is now below 4.")
			.doesNotContain("<b>Echo");
		assertThat(post(http, "/thresholds", "store=Pusan&item=&lowStock=9", csrf(page.body())).statusCode())
			.isEqualTo(302);

		HttpResponse<String> after = get(http, "/thresholds", null);
		assertThat(after.body())
			.contains("Low stock for all items in Pusan is now below 9.", "Pusan", "All items",
					"&lt;b&gt;Echo&lt;/b&gt;", "action=\"/thresholds/delete\"", DemoUsers.USERNAME,
					"aria-label=\"Delete the threshold for all items in Pusan\"")
			.doesNotContain("<b>Echo");

		HttpResponse<String> invalid = post(http, "/thresholds", "store=Pusan&item=&lowStock=" + enc("<i>ten"),
				csrf(after.body()));
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.body()).contains("lowStock must be a whole number", "&lt;i&gt;ten").doesNotContain("<i>");

		// Not head office: the table without the form, and posting is refused.
		HttpClient managerHttp = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		login(managerHttp, MANAGER, MANAGER_PASSWORD);
		HttpResponse<String> readOnly = get(managerHttp, "/thresholds", null);
		assertThat(readOnly.statusCode()).isEqualTo(200);
		assertThat(readOnly.body()).contains("&lt;b&gt;Echo&lt;/b&gt;", "Only members of the head-office group")
			.doesNotContain("action=\"/thresholds\"", "action=\"/thresholds/delete\"", "threshold-store");
		HttpResponse<String> refused = post(managerHttp, "/thresholds", "store=Pusan&item=&lowStock=1",
				csrf(readOnly.body()));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("Only head office can change thresholds");
		assertThat(post(managerHttp, "/thresholds/delete", "store=Pusan&item=", csrf(readOnly.body())).statusCode())
			.isEqualTo(403);
		assertThat(threshold(aws, "Pusan", ThresholdsTable.ANY).get(ThresholdsTable.LOW_STOCK).n()).isEqualTo("9");

		// Delete buttons post the row's key (blank for all).
		HttpResponse<String> deleted = post(http, "/thresholds/delete", "store=Pusan&item=", csrf(after.body()));
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(threshold(aws, "Pusan", ThresholdsTable.ANY)).isEmpty();
		assertThat(get(http, "/thresholds", null).body()).contains("Deleted the threshold for all items in Pusan.");
		assertThat(post(http, "/thresholds/delete", "store=Pusan&item=" + enc("<b>Echo</b>"), csrf(after.body()))
			.statusCode()).isEqualTo(302);
		assertThat(get(http, "/thresholds", null).body())
			.contains("Deleted the threshold for &lt;b&gt;Echo&lt;/b&gt; in Pusan.", "No thresholds are set");
	}

	private static String csrf(String page) {
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
		return csrf.group(1);
	}

	private HttpResponse<String> post(HttpClient http, String path, String form, String csrf) throws Exception {
		String body = (csrf != null) ? form + "&_csrf=" + enc(csrf) : form;
		return http.send(HttpRequest.newBuilder(url(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> login(HttpClient http, String username, String password) throws Exception {
		String page = get(http, "/login", null).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).as("login form carries a CSRF token").isTrue();
		String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
		return http.send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
