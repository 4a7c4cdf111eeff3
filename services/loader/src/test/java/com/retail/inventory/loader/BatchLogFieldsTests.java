package com.retail.inventory.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.LogFields;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * While the loader handles a batch, the log fields name its shard, on the request threads
 * too; a dead letter and an upload's account also name the upload and store; afterwards,
 * failed or not, no thread keeps any.
 */
class BatchLogFieldsTests {

	private static final LoaderProperties PROPERTIES = new LoaderProperties("Inventory", "InventoryUploads",
			"inventory-records-dlq", 4, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMillis(1),
			Duration.ofMillis(5), Duration.ofSeconds(60), null);

	private static final String UPLOAD_ID = "inventory-uploads/stores/Berlin/a.csv#e";

	private final FakeInventoryTable table = new FakeInventoryTable();

	private final LoaderMetrics metrics = LoaderMetrics.standalone();

	/** One thread, so the test can see what the loader left on it. */
	private final ExecutorService pool = Executors.newFixedThreadPool(1);

	/** The MDC at each dead letter, by the record's data. */
	private final Map<String, Map<String, String>> deadLettered = Collections.synchronizedMap(new HashMap<>());

	private final List<Map<String, String>> counted = new ArrayList<>();

	private final InventoryBatchLoader loader = new InventoryBatchLoader(
			new StoredVersions(this.table, "Inventory", this.metrics),
			new InventoryTableWriter(this.table, "Inventory", this.metrics),
			new DeadLetters((SqsTemplate) null, PROPERTIES) {
				@Override
				void send(Record record, String reason, String stream, String shard) {
					BatchLogFieldsTests.this.deadLettered.put(record.data().asUtf8String(), MDC.getCopyOfContextMap());
				}
			}, this.metrics, this.pool, PROPERTIES, Clock.systemUTC(), (pause) -> {
			}, new UploadProgress(this.table, "InventoryUploads", this.metrics, Clock.systemUTC()) {
				@Override
				Optional<Finished> add(String uploadId, int attempt, String shard, List<Row> rows) {
					BatchLogFieldsTests.this.counted.add(MDC.getCopyOfContextMap());
					return Optional.empty();
				}
			}, new UploadReportFinisher(null));

	@AfterEach
	void stop() {
		this.pool.shutdownNow();
		MDC.clear();
	}

	private static Record record(String data) {
		return Record.builder().data(SdkBytes.fromUtf8String(data)).partitionKey("p").sequenceNumber("1").build();
	}

	/** A row of attempt 1 of a Berlin store file. */
	private static Record row(String item, long row) {
		return record("""
				{"schemaVersion":1,"store":"Berlin","item":"%s","count":3,"rowNumber":%d,"attempt":1,
				 "upload":{"id":"%s","bucket":"inventory-uploads","key":"stores/Berlin/a.csv","eTag":"e",
				 "eventTime":"2026-12-03T05:00:00Z"}}""".formatted(item, row, UPLOAD_ID));
	}

	private static List<Record> batch(int items) {
		List<Record> rows = new ArrayList<>();
		rows.add(record("garbage"));
		for (int i = 1; i <= items; i++) {
			rows.add(row("Item " + i, i));
		}
		return rows;
	}

	private Map<String, String> poolThreadFields() throws Exception {
		return this.pool.submit(MDC::getCopyOfContextMap).get();
	}

	@Test
	void deadLettersAndAccountsCarryTheShardUploadAndStore() throws Exception {
		// Item 150 is in the second group of 100, written on the request pool.
		this.table.refuse = (item) -> item.get(InventoryTable.ITEM).s().equals("Item 150")
				? FakeInventoryTable.error("ValidationException") : null;

		this.loader.load(batch(200), "inventory-records", "shardId-000000000001");

		assertThat(this.deadLettered.get("garbage")).containsEntry(LogFields.SHARD, "shardId-000000000001")
			.doesNotContainKeys(LogFields.UPLOAD_ID, LogFields.STORE);
		Map<String, String> refused = this.deadLettered.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().contains("\"Item 150\""))
			.findFirst()
			.orElseThrow()
			.getValue();
		assertThat(refused).containsEntry(LogFields.SHARD, "shardId-000000000001")
			.containsEntry(LogFields.UPLOAD_ID, UPLOAD_ID)
			.containsEntry(LogFields.OBJECT_KEY, "stores/Berlin/a.csv")
			.containsEntry(LogFields.STORE, "Berlin");
		assertThat(this.counted).singleElement()
			.satisfies((mdc) -> assertThat(mdc).containsEntry(LogFields.SHARD, "shardId-000000000001")
				.containsEntry(LogFields.UPLOAD_ID, UPLOAD_ID)
				.containsEntry(LogFields.STORE, "Berlin"));
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
		assertThat(poolThreadFields()).isNullOrEmpty();
	}

	@Test
	void aFailedBatchLeavesNoFieldsOnAnyThread() throws Exception {
		this.table.refuse = (item) -> SdkClientException.create("Connection reset");

		assertThatThrownBy(() -> this.loader.load(batch(200), "inventory-records", "shardId-000000000002"))
			.isInstanceOf(RetryBudget.BatchRetryExhaustedException.class);

		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
		assertThat(poolThreadFields()).isNullOrEmpty();
	}

}
