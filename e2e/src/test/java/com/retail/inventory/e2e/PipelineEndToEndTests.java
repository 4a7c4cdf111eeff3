package com.retail.inventory.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.UploadsTable;
import com.retail.inventory.local.DemoUsers;
import com.retail.inventory.local.KinesisStreamReader;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalPlatform;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.core.sync.RequestBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline as it runs locally: S3 upload, SQS notification, ingest, Kinesis,
 * loader, DynamoDB, change stream, stock-alert, SNS, and the dashboard, each service its
 * own process.
 */
@ExtendWith(LocalPlatformExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// First of the end-to-end classes (junit-platform.properties orders them): its first test
// expects the table to hold exactly the four sample files' rows.
@Order(1)
class PipelineEndToEndTests {

	private static final List<String> SAMPLES = List.of("inventory-berlin.csv", "inventory-calcutta.csv",
			"inventory-karachi.csv", "inventory-pusan.csv");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration PIPELINE = Duration.ofSeconds(120);

	private static Path root;

	private static LocalPlatform platform;

	private static final List<JsonNode> alerts = new ArrayList<>();

	@BeforeAll
	static void start(LocalPlatform shared) {
		root = LocalAwsExtension.repositoryRoot();
		platform = shared;
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
			.untilAsserted(() -> assertThat(PlatformReads.tableCounts(platform, "")).isEqualTo(expected));
	}

	@Test
	@Order(2)
	void exactlyFourOutOfStockAlertsArrive() {
		await().atMost(PIPELINE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			alerts.addAll(PlatformReads.alerts(platform));
			assertThat(alerts).hasSizeGreaterThanOrEqualTo(4);
		});
		// Nothing more trickles in afterwards.
		await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20)).until(() -> true);
		alerts.addAll(PlatformReads.alerts(platform));

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
		Map<String, String> before = PlatformReads.tableCounts(platform, "");
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
		assertThat(PlatformReads.tableCounts(platform, "")).isEqualTo(before);
		assertThat(PlatformReads.alerts(platform)).isEmpty();
	}

	@Test
	@Order(4)
	void theDashboardApiServesBerlinToCognitoUsersOnly() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String base = "http://localhost:" + platform.ports().dashboard();

		String token = idToken();

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

	/**
	 * A chain's daily export, 30,000 rows: ingest is killed (SIGKILL) while publishing
	 * it, the loader while loading it; both are restarted. Every row ends up in the table
	 * with the file's count, and nothing is dead-lettered.
	 */
	@Test
	@Order(6)
	void aChainExportLandsCompletelyThoughIngestAndLoaderAreKilledMidway() throws Exception {
		Map<String, String> expected = new TreeMap<>();
		StringBuilder csv = new StringBuilder("store,item,count\n");
		for (int s = 1; s <= 150; s++) {
			for (int i = 1; i <= 200; i++) {
				String count = Integer.toString(1 + (s * 31 + i) % 97);
				csv.append("Chain Store ")
					.append(s)
					.append(",Article ")
					.append(i)
					.append(',')
					.append(count)
					.append('\n');
				expected.put("Chain Store " + s + "/Article " + i, count);
			}
		}
		platform.aws()
			.s3()
			.putObject((b) -> b.bucket(platform.resources().bucket()).key("exports/chain-daily.csv"),
					RequestBody.fromString(csv.toString()));

		await().atMost(PIPELINE)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> ServiceMetrics.sum(platform, "ingest", "inventory.ingest.requests") >= 6);
		platform.services().kill("ingest");
		platform.services().restart("ingest", Duration.ofMinutes(2));

		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> ServiceMetrics.sum(platform, "loader", "inventory.loader.rows", "outcome:written") >= 5_000);
		platform.services().kill("loader");
		platform.services().restart("loader", Duration.ofMinutes(2));

		await().atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(PlatformReads.tableCounts(platform, "Chain Store ")).isEqualTo(expected));
		assertThat(platform.aws()
			.sqs()
			.getQueueAttributes((b) -> b.queueUrl(platform.resources().recordsDlqUrl())
				.attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
			.attributes()
			.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).as("dead letters").isEqualTo("0");

		// Accounted for exactly once, although ingest published part of the file twice
		// (a second attempt) and the loader read batches again after its restart.
		Map<String, AttributeValue> tracked = await().atMost(Duration.ofSeconds(30))
			.until(() -> PlatformReads.trackingItem(platform, "exports/chain-daily.csv"),
					(item) -> item != null && item.get(UploadsTable.STATUS).s().equals("LOADED"));
		assertThat(tracked.get(UploadsTable.ROWS_ACCEPTED).n()).isEqualTo("30000");
		assertThat(tracked.get(UploadsTable.ROWS_LOADED).n()).isEqualTo("30000");
		assertThat(Integer.parseInt(tracked.get(UploadsTable.ATTEMPT).n())).isGreaterThanOrEqualTo(2);
		JsonNode report = JSON.readTree(platform.aws()
			.s3()
			.getObjectAsBytes(
					(b) -> b.bucket(platform.resources().bucket()).key("reports/exports/chain-daily.csv.json"))
			.asUtf8String());
		assertThat(report.get("status").asString()).isEqualTo("LOADED");
		assertThat(report.get("rowsLoaded").asLong()).isEqualTo(30_000);
	}

	/**
	 * A store's file with good and bad rows: the good ones load, and the store can read
	 * what happened to each row in S3 and through the API.
	 */
	@Test
	@Order(8)
	void aFileWithBadRowsLoadsTheGoodOnesAndReportsTheRestInS3AndTheApi() throws Exception {
		String key = "stores/Oslo/tuesday.csv";
		platform.aws()
			.s3()
			.putObject((b) -> b.bucket(platform.resources().bucket()).key(key),
					RequestBody.fromString("Item,Count,Store,Note\nEcho Dot,4,Oslo,a\nEcho Show,many,Oslo,b\n"
							+ "Echo Plus,2,Bergen,c\nEcho Look,0,Oslo,d\n"));

		await().atMost(PIPELINE)
			.untilAsserted(() -> assertThat(PlatformReads.tableCounts(platform, "Oslo"))
				.isEqualTo(Map.of("Oslo/Echo Dot", "4", "Oslo/Echo Look", "0")));
		assertThat(PlatformReads.tableCounts(platform, "Bergen")).isEmpty();
		Map<String, AttributeValue> tracked = await().atMost(Duration.ofSeconds(30))
			.until(() -> PlatformReads.trackingItem(platform, key),
					(item) -> item != null && item.get(UploadsTable.STATUS).s().equals("LOADED_WITH_ERRORS"));
		assertThat(tracked.get(UploadsTable.ROWS_LOADED).n()).isEqualTo("2");

		JsonNode report = JSON.readTree(platform.aws()
			.s3()
			.getObjectAsBytes((b) -> b.bucket(platform.resources().bucket()).key("reports/" + key + ".json"))
			.asUtf8String());
		assertThat(report.get("status").asString()).isEqualTo("LOADED_WITH_ERRORS");
		assertThat(report.get("rowsTotal").asLong()).isEqualTo(4);
		assertThat(report.get("rowsRejected").asLong()).isEqualTo(2);
		assertThat(report.get("errors")).extracting((e) -> e.get("line").asLong()).containsExactly(3L, 4L);
		assertThat(report.get("warnings").get(0).asString()).isEqualTo("columns ignored: note");
		String rejected = platform.aws()
			.s3()
			.getObjectAsBytes((b) -> b.bucket(platform.resources().bucket()).key("reports/" + key + ".rejected.csv"))
			.asUtf8String();
		assertThat(rejected).startsWith("Item,Count,Store,Note,line,reason\nEcho Show,many,Oslo,b,3,");

		HttpClient http = HttpClient.newHttpClient();
		String base = "http://localhost:" + platform.ports().dashboard();
		String token = idToken();
		JsonNode listed = JSON
			.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/uploads?store=Oslo&limit=5"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString()).body());
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("status").asString()).isEqualTo("LOADED_WITH_ERRORS");
		HttpResponse<String> detail = http
			.send(HttpRequest.newBuilder(URI.create(base + "/api/uploads/" + listed.get(0).get("id").asString()))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(detail.statusCode()).isEqualTo(200);
		JsonNode errors = JSON.readTree(detail.body()).get("errors");
		assertThat(errors).extracting((e) -> e.get("reason").asString())
			.containsExactly("count 'many' is not a whole number from 0 to 1,000,000,000",
					"this file is under stores/Oslo/, which takes only Oslo's rows, not Bergen's");
	}

	/**
	 * A threshold set through the API: the next upload that crosses it alerts LOW_STOCK,
	 * a run-out OUT_OF_STOCK, the restock BACK_IN_STOCK, and each exactly once.
	 */
	@Test
	@Order(9)
	void aThresholdSetThroughTheApiMakesLowStockAndBackInStockAlerts() throws Exception {
		while (!PlatformReads.alerts(platform).isEmpty()) {
			// Earlier tests' alerts are not this test's.
		}
		HttpClient http = HttpClient.newHttpClient();
		String base = "http://localhost:" + platform.ports().dashboard();
		HttpResponse<String> set = http.send(HttpRequest.newBuilder(URI.create(base + "/api/thresholds"))
			.header("Authorization", "Bearer " + idToken())
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"store\":\"Tromso\",\"item\":null,\"lowStock\":5}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

		uploadText("stores/Tromso/1.csv", "store,item,count\nTromso,Echo Dot,9\nTromso,Echo Show,9\n");
		await().atMost(PIPELINE)
			.untilAsserted(() -> assertThat(PlatformReads.tableCounts(platform, "Tromso"))
				.isEqualTo(Map.of("Tromso/Echo Dot", "9", "Tromso/Echo Show", "9")));
		uploadText("stores/Tromso/2.csv", "store,item,count\nTromso,Echo Dot,3\nTromso,Echo Show,0\n");
		awaitCounts("Tromso", Map.of("Tromso/Echo Dot", "3", "Tromso/Echo Show", "0"));
		uploadText("stores/Tromso/3.csv", "store,item,count\nTromso,Echo Dot,2\nTromso,Echo Show,12\n");
		awaitCounts("Tromso", Map.of("Tromso/Echo Dot", "2", "Tromso/Echo Show", "12"));

		List<String> messages = new ArrayList<>();
		await().atMost(PIPELINE).untilAsserted(() -> {
			PlatformReads.alerts(platform).forEach((a) -> messages.add(a.get("Message").asString()));
			assertThat(messages).containsExactlyInAnyOrder("Tromso is low on Echo Dot: 3 left (threshold 5)",
					"Tromso is out of stock of Echo Show", "Tromso has Echo Show back in stock: 12");
		});
		await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
		assertThat(PlatformReads.alerts(platform)).as("still low at 2: no second alert").isEmpty();
	}

	/**
	 * Every change the stream holds, delivered once more (as a replay from the start
	 * would): no alert is sent again.
	 */
	@Test
	@Order(10)
	void replayingTheWholeChangeStreamSendsNothingNew() throws Exception {
		while (!PlatformReads.alerts(platform).isEmpty()) {
			// Earlier tests' alerts are not this test's.
		}
		List<Record> changes = KinesisStreamReader.readAll(platform.aws().kinesis(),
				platform.resources().changesStream());
		assertThat(changes).hasSizeGreaterThan(30_000);
		double before = ServiceMetrics.sum(platform, "stock-alert", "inventory.stock-alert.changes");
		for (int from = 0; from < changes.size(); from += 500) {
			List<PutRecordsRequestEntry> entries = changes.subList(from, Math.min(changes.size(), from + 500))
				.stream()
				.map((r) -> PutRecordsRequestEntry.builder().partitionKey(r.partitionKey()).data(r.data()).build())
				.toList();
			assertThat(platform.aws()
				.kinesis()
				.putRecords((b) -> b.streamName(platform.resources().changesStream()).records(entries))
				.failedRecordCount()).isZero();
		}
		await().atMost(PIPELINE)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> ServiceMetrics.sum(platform, "stock-alert", "inventory.stock-alert.changes") >= before
					+ changes.size());
		await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
		assertThat(PlatformReads.alerts(platform)).isEmpty();
	}

	/**
	 * One file zeroes 30 of a store's items: its managers get a digest per change-stream
	 * shard at most, not 30 texts.
	 */
	@Test
	@Order(11)
	void aFileThatZeroesThirtyItemsSendsADigestPerShardNotThirtyTexts() throws Exception {
		while (!PlatformReads.alerts(platform).isEmpty()) {
			// Earlier tests' alerts are not this test's.
		}
		StringBuilder stocked = new StringBuilder("store,item,count\n");
		StringBuilder zeroed = new StringBuilder("store,item,count\n");
		Map<String, String> zero = new TreeMap<>();
		for (int i = 1; i <= 30; i++) {
			stocked.append("Narvik,Article ").append(i).append(",9\n");
			zeroed.append("Narvik,Article ").append(i).append(",0\n");
			zero.put("Narvik/Article " + i, "0");
		}
		uploadText("stores/Narvik/monday.csv", stocked.toString());
		await().atMost(PIPELINE)
			.untilAsserted(() -> assertThat(PlatformReads.tableCounts(platform, "Narvik")).hasSize(30));
		uploadText("stores/Narvik/tuesday.csv", zeroed.toString());
		awaitCounts("Narvik", zero);

		List<JsonNode> received = new ArrayList<>();
		await().atMost(PIPELINE).untilAsserted(() -> {
			received.addAll(PlatformReads.alerts(platform));
			assertThat(received).isNotEmpty();
		});
		await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
		received.addAll(PlatformReads.alerts(platform));
		// The change stream is keyed by item: each of its shards collects its share of
		// the
		// store's changes, so at most one digest per shard, plus single alerts from a
		// shard
		// that got no more than digest-above of them; every item counted once.
		List<JsonNode> digests = received.stream()
			.filter((alert) -> alert.get("Message").asString().startsWith("Narvik: "))
			.toList();
		assertThat(digests).isNotEmpty().hasSizeLessThanOrEqualTo(LocalPlatformExtension.SHARDS);
		assertThat(digests).allSatisfy((digest) -> assertThat(digest.get("Message").asString())
			.matches("Narvik: \\d+ items out of stock: Article .*"));
		int inDigests = digests.stream()
			.mapToInt(
					(digest) -> Integer.parseInt(digest.get("MessageAttributes").get("count").get("Value").asString()))
			.sum();
		List<String> singles = received.stream()
			.map((alert) -> alert.get("Message").asString())
			.filter((message) -> message.startsWith("Narvik is out of stock of Article "))
			.toList();
		assertThat(singles).doesNotHaveDuplicates();
		assertThat(inDigests + singles.size()).as("items alerted").isEqualTo(30);
		assertThat(received).hasSize(digests.size() + singles.size());
	}

	private static void uploadText(String key, String csv) {
		platform.aws()
			.s3()
			.putObject((b) -> b.bucket(platform.resources().bucket()).key(key), RequestBody.fromString(csv));
	}

	private static void awaitCounts(String store, Map<String, String> counts) {
		await().atMost(PIPELINE)
			.untilAsserted(() -> assertThat(PlatformReads.tableCounts(platform, store)).isEqualTo(counts));
	}

	private static String idToken() {
		return platform.aws()
			.cognito()
			.initiateAuth(b -> b.clientId(platform.resources().userPoolClientId())
				.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
				.authParameters(Map.of("USERNAME", DemoUsers.USERNAME, "PASSWORD", DemoUsers.PASSWORD)))
			.authenticationResult()
			.idToken();
	}

	/**
	 * The newest upload wins whatever arrives later: the same notification delivered
	 * again and the notification of an older version of the file, delivered after the
	 * newer one, change no count and send no alert.
	 */
	@Test
	@Order(7)
	void aDuplicateOrOlderNotificationAfterANewerUploadChangesNothing() throws Exception {
		String key = "stores/hamburg/inventory.csv";
		String older = platform.aws()
			.s3()
			.putObject((b) -> b.bucket(platform.resources().bucket()).key(key),
					RequestBody.fromString("store,item,count\nHamburg,Echo Dot,5\nHamburg,Echo Show,5\n"))
			.versionId();
		await().atMost(PIPELINE)
			.untilAsserted(() -> assertThat(PlatformReads.tableCounts(platform, "Hamburg"))
				.isEqualTo(Map.of("Hamburg/Echo Dot", "5", "Hamburg/Echo Show", "5")));
		platform.aws()
			.s3()
			.putObject((b) -> b.bucket(platform.resources().bucket()).key(key),
					RequestBody.fromString("store,item,count\nHamburg,Echo Dot,7\nHamburg,Echo Show,0\n"));
		Map<String, String> newest = Map.of("Hamburg/Echo Dot", "7", "Hamburg/Echo Show", "0");
		await().atMost(PIPELINE)
			.untilAsserted(() -> assertThat(PlatformReads.tableCounts(platform, "Hamburg")).isEqualTo(newest));
		await().atMost(PIPELINE)
			.untilAsserted(
					() -> assertThat(PlatformReads.alerts(platform)).extracting((a) -> a.get("Message").asString())
						.containsExactly("Hamburg is out of stock of Echo Show"));
		Map<String, String> uploads = uploadIds("Hamburg");
		double published = ServiceMetrics.sum(platform, "ingest", "inventory.ingest.requests");
		double skipped = ServiceMetrics.sum(platform, "loader", "inventory.loader.rows", "outcome:skipped");

		// A redrive of the older version's notification, and the newer one's once more.
		var head = platform.aws()
			.s3()
			.headObject((b) -> b.bucket(platform.resources().bucket()).key(key).versionId(older));
		sendNotification(key, older, head.eTag(), head.lastModified().toString());
		var latest = platform.aws().s3().headObject((b) -> b.bucket(platform.resources().bucket()).key(key));
		sendNotification(key, latest.versionId(), latest.eTag(), latest.lastModified().toString());

		// Both files were read and published again, and the loader skipped all four rows.
		await().atMost(PIPELINE)
			.until(() -> ServiceMetrics.sum(platform, "ingest", "inventory.ingest.requests") >= published + 2
					&& ServiceMetrics.sum(platform, "loader", "inventory.loader.rows", "outcome:skipped") >= skipped
							+ 4);
		assertThat(PlatformReads.tableCounts(platform, "Hamburg")).isEqualTo(newest);
		assertThat(uploadIds("Hamburg")).isEqualTo(uploads);
		await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
		assertThat(PlatformReads.alerts(platform)).isEmpty();
	}

	private static void sendNotification(String key, String versionId, String eTag, String eventTime) {
		String body = """
				{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1","eventTime":"%s",
				 "eventName":"ObjectCreated:Put","s3":{"s3SchemaVersion":"1.0","bucket":{"name":"%s"},
				 "object":{"key":"%s","eTag":"%s","versionId":"%s"}}}]}""".formatted(eventTime,
				platform.resources().bucket(), URLEncoder.encode(key, StandardCharsets.UTF_8), eTag.replace("\"", ""),
				versionId);
		platform.aws().sqs().sendMessage((b) -> b.queueUrl(platform.resources().uploadQueueUrl()).messageBody(body));
	}

	private static Map<String, String> uploadIds(String store) {
		return platform.aws()
			.dynamoDb()
			.query((b) -> b.tableName(platform.resources().inventoryTable())
				.keyConditionExpression("#s = :s")
				.expressionAttributeNames(Map.of("#s", InventoryTable.STORE))
				.expressionAttributeValues(Map.of(":s", AttributeValue.fromS(store))))
			.items()
			.stream()
			.collect(Collectors.toMap((i) -> i.get(InventoryTable.ITEM).s(),
					(i) -> i.get(InventoryTable.UPLOAD_ID).s()));
	}

	@Test
	@Order(5)
	void kclCreatedNoTablesOfItsOwn() {
		InventoryResources names = InventoryResources.load();
		// KCL found its pre-created tables (with the owner index) and created none.
		assertThat(platform.aws().dynamoDb().listTables().tableNames()).containsExactlyInAnyOrder(
				names.inventoryTable(), names.alertLogTable(), names.uploadsTable(), names.thresholdsTable(),
				names.loaderLeaseTable(), names.loaderCoordinatorStateTable(), names.loaderWorkerMetricsTable(),
				names.stockAlertLeaseTable(), names.stockAlertCoordinatorStateTable(),
				names.stockAlertWorkerMetricsTable());
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

}
