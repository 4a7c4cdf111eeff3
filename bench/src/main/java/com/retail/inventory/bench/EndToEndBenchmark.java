package com.retail.inventory.bench;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.UploadStatus;
import com.retail.inventory.contracts.UploadsTable;
import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.local.AwsEndpoints;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.ServicePorts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./inventory bench [rows]} against the platform {@code ./inventory up} runs:
 * uploads an N-row file, waits until every row is in the Inventory table with the file's
 * count, and prints rows/s end to end with the AWS requests per 1,000 rows (from the
 * services' own counters). In the same run, against the same emulator: two loaders to
 * compare with, the original lab's (one PutItem per row) and the fastest simple one (one
 * writer, 25 rows per BatchWriteItem).
 */
final class EndToEndBenchmark {

	static final double MAX_PUT_REQUESTS_PER_1000 = 2;

	static final double MAX_DYNAMODB_REQUESTS_PER_1000 = 60;

	static final double MIN_TIMES_PER_ROW_LOADER = 5;

	static final double MIN_SHARE_OF_BATCH_LOOP = 0.5;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int rows;

	private final int perRowSample;

	private final int batchSample;

	private final HttpClient http = HttpClient.newHttpClient();

	private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

	EndToEndBenchmark(int rows) {
		this.rows = rows;
		this.perRowSample = Math.min(rows, 2_000);
		this.batchSample = Math.min(rows, 20_000);
	}

	void run() throws Exception {
		AwsEndpoints endpoints = new AwsEndpoints(URI.create("http://localhost:" + ServicePorts.MOTO),
				URI.create("http://localhost:" + ServicePorts.KINESIS));
		InventoryResources names = InventoryResources.load();
		try (LocalAwsClients aws = new LocalAwsClients(endpoints)) {
			String prefix = "Bench " + this.run + " Store";
			System.out.printf("End to end: %,d rows (%d stores x %d items) through ./inventory up's platform%n",
					this.rows, (this.rows + SampleFile.ITEMS_PER_STORE - 1) / SampleFile.ITEMS_PER_STORE,
					SampleFile.ITEMS_PER_STORE);
			Counters before = counters();
			StringBuilder csv = new StringBuilder(this.rows * 45).append("store,item,count\n");
			for (long row = 0; row < this.rows; row++) {
				SampleFile.appendRow(csv, prefix, row);
			}
			byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
			Duration motoCpu = motoCpu();
			Instant start = Instant.now();
			aws.s3()
				.putObject((b) -> b.bucket(names.uploadsBucket()).key("bench/" + this.run + ".csv"),
						RequestBody.fromBytes(file));
			Counters after = awaitLoaded(before);
			double seconds = Duration.between(start, after.at()).toMillis() / 1000.0;
			double motoMillisPerRow = (motoCpu != null) ? motoCpu().minus(motoCpu).toNanos() / 1e6 / this.rows : -1;
			verify(aws.dynamoDb(), names.inventoryTable(), prefix);

			double endToEnd = this.rows / seconds;
			double puts = 1000.0 * (after.putRecords() - before.putRecords()) / this.rows;
			double dynamoDb = 1000.0 * (after.loaderRequests() - before.loaderRequests()) / this.rows;
			double binder = after.binderRequests() - before.binderRequests();
			System.out.printf("  every row in the table with its count after %.1f s%n", seconds);
			reportFinalStatus(aws, names, "bench/" + this.run + ".csv", start);

			// Like for like: the two loaders write into the Inventory table itself, as
			// they would if they
			// replaced ours, so their rows are streamed to inventory-changes like the
			// pipeline's. Then, for
			// reference, into a table without a stream: the emulator's raw write rate.
			String baselinePrefix = "Bench " + this.run + " Baseline Store";
			double perRow = perRowLoader(aws.dynamoDb(), names.inventoryTable(), baselinePrefix);
			double batchLoop = batchWriteLoop(aws.dynamoDb(), names.inventoryTable(), baselinePrefix);
			deleteBaselineRows(aws.dynamoDb(), names.inventoryTable(), baselinePrefix);
			String scratch = scratchTable(aws.dynamoDb());
			double rawPerRow;
			double rawBatchLoop;
			try {
				rawPerRow = perRowLoader(aws.dynamoDb(), scratch, "Store");
				rawBatchLoop = batchWriteLoop(aws.dynamoDb(), scratch, "Store");
			}
			finally {
				aws.dynamoDb().deleteTable((b) -> b.tableName(scratch));
			}

			System.out.printf("%n%-62s %12s %s%n", "", "measured", "target");
			line("end to end (upload to last row in the table), rows/s", endToEnd, "");
			line("Kinesis put requests per 1,000 rows (PutRecords)", puts,
					check(puts <= MAX_PUT_REQUESTS_PER_1000, "<= " + (int) MAX_PUT_REQUESTS_PER_1000));
			line("DynamoDB requests per 1,000 rows (version reads + writes)", dynamoDb,
					check(dynamoDb <= MAX_DYNAMODB_REQUESTS_PER_1000, "<= " + (int) MAX_DYNAMODB_REQUESTS_PER_1000));
			line("  + binder checkpoint/lock requests during the run (total)", binder, "");
			if (motoMillisPerRow >= 0) {
				line("moto_server CPU per row during the run, ms", motoMillisPerRow, "");
			}
			line("baseline into Inventory: one PutItem per row (the lab's), rows/s", perRow, "");
			line("baseline into Inventory: 25 rows per BatchWriteItem, rows/s", batchLoop, "");
			line("  the same into a table without a stream: one PutItem per row", rawPerRow, "");
			line("  the same into a table without a stream: BatchWriteItem loop", rawBatchLoop, "");
			line("end to end / one PutItem per row (into Inventory)", endToEnd / perRow,
					check(endToEnd / perRow >= MIN_TIMES_PER_ROW_LOADER, ">= " + (int) MIN_TIMES_PER_ROW_LOADER + "x"));
			line("end to end / BatchWriteItem loop (into Inventory)", endToEnd / batchLoop,
					check(endToEnd / batchLoop >= MIN_SHARE_OF_BATCH_LOOP, ">= " + MIN_SHARE_OF_BATCH_LOOP));
		}
	}

	/**
	 * CPU time moto_server has used so far, or null when it is not a process of this
	 * machine.
	 */
	/**
	 * The upload's tracking item must say LOADED with every row, soon after the last row
	 * is in the table.
	 */
	private static void reportFinalStatus(LocalAwsClients aws, InventoryResources names, String key, Instant start)
			throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(60);
		while (true) {
			Map<String, AttributeValue> item = aws.dynamoDb()
				.scan((b) -> b.tableName(names.uploadsTable()))
				.items()
				.stream()
				.filter((i) -> key.equals(i.get(UploadsTable.KEY).s()))
				.findFirst()
				.orElse(null);
			String status = (item != null) ? item.get(UploadsTable.STATUS).s() : "(no tracking item)";
			if (item != null && UploadStatus.valueOf(status).isFinal()) {
				System.out.printf("  upload %s, %s rows loaded, at %.1f s; report: s3://%s/%s%n%n", status,
						item.get(UploadsTable.ROWS_LOADED).n(),
						Duration.between(start, Instant.parse(item.get(UploadsTable.FINISHED_AT).s())).toMillis()
								/ 1000.0,
						names.uploadsBucket(), item.get(UploadsTable.REPORT_KEY).s());
				if (!UploadStatus.LOADED.name().equals(status)) {
					throw new IllegalStateException("The upload ended " + status + ", not LOADED");
				}
				return;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("The upload is still " + status + " a minute after its last row");
			}
			Thread.sleep(500);
		}
	}

	private static Duration motoCpu() {
		return ProcessHandle.allProcesses()
			.filter((p) -> p.info()
				.commandLine()
				.map((c) -> c.contains("moto_server") && c.contains(Integer.toString(ServicePorts.MOTO)))
				.orElse(false))
			.findFirst()
			.flatMap((p) -> p.info().totalCpuDuration())
			.orElse(null);
	}

	private static void line(String what, double value, String target) {
		System.out.printf("%-58s %12s %s%n", what,
				(value >= 100) ? String.format("%,.0f", value) : String.format("%.2f", value), target);
	}

	private static String check(boolean met, String target) {
		return target + (met ? "  met" : "  MISSED");
	}

	/** Waits until the loader has accounted for every row of the file. */
	private Counters awaitLoaded(Counters before) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
		double last = -1;
		long lastReport = System.nanoTime();
		while (System.nanoTime() < deadline) {
			Counters now = counters();
			double loaded = now.loaderRows() - before.loaderRows();
			if (loaded >= this.rows) {
				return now;
			}
			if (System.nanoTime() - lastReport > 10e9 && loaded != last) {
				System.out.printf("  %,.0f rows loaded so far%n", loaded);
				last = loaded;
				lastReport = System.nanoTime();
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("The rows were not all loaded within 30 minutes");
	}

	/** Reads the run's items back: every row must be there with the file's count. */
	private void verify(DynamoDbClient dynamoDb, String table, String prefix) {
		Map<String, String> counts = new HashMap<>();
		dynamoDb
			.scanPaginator((b) -> b.tableName(table)
				.filterExpression("begins_with(#s, :p)")
				.expressionAttributeNames(Map.of("#s", InventoryTable.STORE))
				.expressionAttributeValues(Map.of(":p", AttributeValue.fromS(prefix))))
			.items()
			.forEach((item) -> counts.put(item.get(InventoryTable.STORE).s() + "/" + item.get(InventoryTable.ITEM).s(),
					item.get(InventoryTable.COUNT).n()));
		int wrong = 0;
		for (long row = 0; row < this.rows; row++) {
			String key = prefix + " " + (row / SampleFile.ITEMS_PER_STORE + 1) + "/Echo Item "
					+ (row % SampleFile.ITEMS_PER_STORE + 1);
			if (!Long.toString(SampleFile.count(row)).equals(counts.get(key))) {
				wrong++;
			}
		}
		if (wrong > 0 || counts.size() != this.rows) {
			throw new IllegalStateException(wrong + " rows missing or with the wrong count; " + counts.size()
					+ " items in the table for " + this.rows + " rows");
		}
	}

	private double perRowLoader(DynamoDbClient dynamoDb, String table, String storePrefix) {
		long start = System.nanoTime();
		for (int row = 0; row < this.perRowSample; row++) {
			Map<String, AttributeValue> item = item(storePrefix, row);
			dynamoDb.putItem((b) -> b.tableName(table).item(item));
		}
		double rate = this.perRowSample / ((System.nanoTime() - start) / 1e9);
		System.out.printf("  baseline one PutItem per row into %s: %,d rows at %,.0f rows/s%n", table,
				this.perRowSample, rate);
		return rate;
	}

	private double batchWriteLoop(DynamoDbClient dynamoDb, String table, String storePrefix) {
		long start = System.nanoTime();
		for (int from = 0; from < this.batchSample; from += 25) {
			List<WriteRequest> writes = new ArrayList<>();
			for (int row = from; row < Math.min(this.batchSample, from + 25); row++) {
				writes.add(WriteRequest.builder()
					.putRequest(PutRequest.builder().item(item(storePrefix, row)).build())
					.build());
			}
			writeAll(dynamoDb, Map.of(table, writes));
		}
		double rate = this.batchSample / ((System.nanoTime() - start) / 1e9);
		System.out.printf("  baseline BatchWriteItem loop into %s: %,d rows at %,.0f rows/s%n", table, this.batchSample,
				rate);
		return rate;
	}

	/**
	 * Removes what the baselines wrote into the Inventory table (the per-row sample is
	 * within the loop's rows).
	 */
	private void deleteBaselineRows(DynamoDbClient dynamoDb, String table, String storePrefix) {
		for (int from = 0; from < this.batchSample; from += 25) {
			List<WriteRequest> deletes = new ArrayList<>();
			for (int row = from; row < Math.min(this.batchSample, from + 25); row++) {
				Map<String, AttributeValue> item = item(storePrefix, row);
				deletes.add(WriteRequest.builder()
					.deleteRequest((d) -> d.key(Map.of(InventoryTable.STORE, item.get(InventoryTable.STORE),
							InventoryTable.ITEM, item.get(InventoryTable.ITEM))))
					.build());
			}
			writeAll(dynamoDb, Map.of(table, deletes));
		}
	}

	private static void writeAll(DynamoDbClient dynamoDb, Map<String, List<WriteRequest>> requests) {
		Map<String, List<WriteRequest>> pending = requests;
		while (!pending.isEmpty()) {
			Map<String, List<WriteRequest>> sending = pending;
			var response = dynamoDb.batchWriteItem((b) -> b.requestItems(sending));
			pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
		}
	}

	private static Map<String, AttributeValue> item(String storePrefix, int row) {
		return Map.of(InventoryTable.STORE,
				AttributeValue.fromS(storePrefix + " " + (row / SampleFile.ITEMS_PER_STORE + 1)), InventoryTable.ITEM,
				AttributeValue.fromS("Echo Item " + (row % SampleFile.ITEMS_PER_STORE + 1)), InventoryTable.COUNT,
				AttributeValue.fromN(Long.toString(SampleFile.count(row))), InventoryTable.UPLOAD_ID,
				AttributeValue.fromS("inventory-uploads/bench.csv#e"), InventoryTable.ROW_NUMBER,
				AttributeValue.fromN(Integer.toString(row + 1)), InventoryTable.UPDATED_AT,
				AttributeValue.fromS("2026-12-02T10:00:00Z"));
	}

	/**
	 * A table shaped like Inventory but without a stream, for the raw baselines; deleted
	 * afterwards.
	 */
	private String scratchTable(DynamoDbClient dynamoDb) {
		String table = "Bench-" + this.run;
		dynamoDb.createTable((b) -> b.tableName(table)
			.keySchema((k) -> k.attributeName(InventoryTable.STORE).keyType(KeyType.HASH),
					(k) -> k.attributeName(InventoryTable.ITEM).keyType(KeyType.RANGE))
			.attributeDefinitions((a) -> a.attributeName(InventoryTable.STORE).attributeType(ScalarAttributeType.S),
					(a) -> a.attributeName(InventoryTable.ITEM).attributeType(ScalarAttributeType.S))
			.billingMode(BillingMode.PAY_PER_REQUEST));
		return table;
	}

	/** The services' counters at one moment. */
	private record Counters(Instant at, double putRecords, double loaderRequests, double loaderRows,
			double binderRequests) {
	}

	private Counters counters() throws Exception {
		return new Counters(Instant.now(), metric(ServicePorts.INGEST, "inventory.ingest.requests"),
				metric(ServicePorts.LOADER, "inventory.loader.requests"),
				metric(ServicePorts.LOADER, "inventory.loader.rows", "outcome:written")
						+ metric(ServicePorts.LOADER, "inventory.loader.rows", "outcome:skipped")
						+ metric(ServicePorts.LOADER, "inventory.loader.rows", "outcome:dead-lettered"),
				metric(ServicePorts.LOADER, "inventory.loader.binder.requests"));
	}

	/** A counter from a service's actuator; 0 before it has counted anything. */
	private double metric(int port, String name, String... tags) throws Exception {
		StringBuilder query = new StringBuilder();
		for (String tag : tags) {
			query.append(query.isEmpty() ? "?" : "&")
				.append("tag=")
				.append(URLEncoder.encode(tag, StandardCharsets.UTF_8));
		}
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/metrics/" + name + query))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 404) {
			return 0;
		}
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + name + " from port " + port + " answered " + response.statusCode()
					+ "; is ./inventory up running?");
		}
		JsonNode measurements = JSON.readTree(response.body()).get("measurements");
		return measurements.get(0).get("value").asDouble();
	}

}
