package com.retail.inventory.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.retail.inventory.contracts.InventoryTable;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.Record;

class InventoryBatchLoaderTests {

	private static final LoaderProperties PROPERTIES = new LoaderProperties("Inventory", "InventoryUploads",
			"inventory-records-dlq", 4, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMillis(1),
			Duration.ofMillis(5), Duration.ofSeconds(60), null);

	private final FakeInventoryTable table = new FakeInventoryTable();

	private final List<String> deadLetters = new ArrayList<>();

	private final ExecutorService pool = Executors.newFixedThreadPool(4);

	private final LoaderMetrics metrics = LoaderMetrics.standalone();

	private final InventoryBatchLoader loader = new InventoryBatchLoader(
			new StoredVersions(this.table, "Inventory", this.metrics),
			new InventoryTableWriter(this.table, "Inventory", this.metrics),
			new DeadLetters((SqsTemplate) null, PROPERTIES) {
				@Override
				void send(Record record, String reason, String stream, String shard) {
					InventoryBatchLoaderTests.this.deadLetters.add(record.data().asUtf8String() + " -> " + reason);
				}
			}, this.metrics, this.pool, PROPERTIES, Clock.systemUTC(), (pause) -> {
			}, new UploadProgress(this.table, "InventoryUploads", this.metrics, Clock.systemUTC()), null);

	@AfterEach
	void stop() {
		this.pool.shutdownNow();
	}

	private static Record record(String data) {
		return Record.builder().data(SdkBytes.fromUtf8String(data)).partitionKey("p").sequenceNumber("1").build();
	}

	private static Record row(String store, String item, long count, String eventTime, long row) {
		return record("""
				{"schemaVersion":1,"store":"%s","item":"%s","count":%d,"rowNumber":%d,
				 "upload":{"id":"inventory-uploads/%s.csv#e","bucket":"inventory-uploads","key":"%s.csv","eTag":"e",
				 "eventTime":"%s"}}""".formatted(store, item, count, row, eventTime, eventTime, eventTime));
	}

	private static List<Record> file(String eventTime, int items, long count) {
		List<Record> rows = new ArrayList<>();
		for (int i = 1; i <= items; i++) {
			rows.add(row("Berlin", "Item " + i, count, eventTime, i));
		}
		return rows;
	}

	@Test
	void loadsEveryRowWithItsVersionAndUploadTime() {
		var outcome = this.loader.load(file("2026-12-01T08:00:00Z", 130, 5), "inventory-records", "shard-0");

		assertThat(outcome).isEqualTo(new InventoryBatchLoader.Outcome(130, 130, 0, 0));
		assertThat(this.table.items).hasSize(130);
		var item = this.table.items.get(new ItemKey("Berlin", "Item 7"));
		assertThat(item.get(InventoryTable.UPDATED_AT).s()).isEqualTo("2026-12-01T08:00:00Z");
		assertThat(item.get(InventoryTable.VERSION).s()).startsWith("2026-12-01T08:00:00.000000Z|");
		assertThat(item.get(InventoryTable.ROW_NUMBER).n()).isEqualTo("7");
		// 130 keys: 2 reads of up to 100, 6 writes of up to 25.
		assertThat(this.table.batchGets).hasValue(2);
		assertThat(this.table.batchWrites).hasValue(6);
	}

	@Test
	void itemsDynamoDbLeavesUnprocessedAreSentAgain() {
		this.table.leaveUnprocessed.set(3);

		var outcome = this.loader.load(file("2026-12-01T08:00:00Z", 25, 5), "s", "0");

		assertThat(outcome.written()).isEqualTo(25);
		assertThat(this.table.items).hasSize(25);
		assertThat(this.table.batchWrites).hasValue(2);
	}

	@Test
	void aReplayWritesNothing() {
		this.loader.load(file("2026-12-01T08:00:00Z", 60, 5), "s", "0");
		int writes = this.table.batchWrites.get();

		var outcome = this.loader.load(file("2026-12-01T08:00:00Z", 60, 5), "s", "0");

		assertThat(outcome).isEqualTo(new InventoryBatchLoader.Outcome(60, 0, 60, 0));
		assertThat(this.table.batchWrites).hasValue(writes);
		assertThat(this.table.puts).hasValue(0);
	}

	@Test
	void anOlderFileProcessedAfterANewerOneChangesNothing() {
		this.loader.load(file("2026-12-02T08:00:00Z", 10, 0), "s", "0");
		var outcome = this.loader.load(file("2026-12-01T08:00:00Z", 10, 99), "s", "0");

		assertThat(outcome.written()).isZero();
		assertThat(this.table.count("Berlin", "Item 3")).isZero();
	}

	@Test
	void theNewestRowOfABatchWinsWhateverItsPosition() {
		var outcome = this.loader.load(List.of(row("Berlin", "Echo", 1, "2026-12-02T08:00:00Z", 1),
				row("Berlin", "Echo", 2, "2026-12-01T08:00:00Z", 5)), "s", "0");

		assertThat(outcome).isEqualTo(new InventoryBatchLoader.Outcome(2, 1, 1, 0));
		assertThat(this.table.count("Berlin", "Echo")).isOne();
	}

	@Test
	void recordsThatAreNotInventoryRecordsGoToTheDeadLetterQueue() {
		var outcome = this.loader.load(List.of(record("garbage"), row("Berlin", "Echo", 1, "2026-12-02T08:00:00Z", 1)),
				"s", "0");

		assertThat(outcome).isEqualTo(new InventoryBatchLoader.Outcome(2, 1, 0, 1));
		assertThat(this.deadLetters).singleElement().asString().startsWith("garbage -> not JSON");
	}

	@Test
	void anItemDynamoDbRefusesGoesToTheDeadLetterQueueAndTheOthersAreWritten() {
		this.table.refuse = (item) -> item.get(InventoryTable.ITEM).s().equals("Item 4")
				? FakeInventoryTable.error("ValidationException") : null;

		var outcome = this.loader.load(file("2026-12-01T08:00:00Z", 10, 5), "s", "0");

		assertThat(outcome).isEqualTo(new InventoryBatchLoader.Outcome(10, 9, 0, 1));
		assertThat(this.table.items).hasSize(9).doesNotContainKey(new ItemKey("Berlin", "Item 4"));
		assertThat(this.deadLetters).singleElement()
			.asString()
			.contains("\"item\":\"Item 4\"")
			.endsWith("the table refused the record: ValidationException: ValidationException (test)");
	}

	@Test
	void transientFailuresAreRetriedAndThenFailTheBatchWithoutDeadLettering() {
		this.table.refuse = (item) -> SdkClientException.create("Connection reset");

		assertThatThrownBy(() -> this.loader.load(file("2026-12-01T08:00:00Z", 3, 5), "s", "0"))
			.isInstanceOf(RetryBudget.BatchRetryExhaustedException.class);
		assertThat(this.deadLetters).isEmpty();
		assertThat(this.table.batchWrites.get()).isGreaterThan(1);

		this.table.refuse = (item) -> null;
		assertThat(this.loader.load(file("2026-12-01T08:00:00Z", 3, 5), "s", "0").written()).isEqualTo(3);
	}

	@Test
	void afterTheFastWriteWindowWritesAreConditionalSoAConcurrentNewerWriteWins() {
		LoaderProperties slow = new LoaderProperties("Inventory", "InventoryUploads", "dlq", 2, Duration.ofSeconds(2),
				Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(60), null);
		InventoryBatchLoader late = new InventoryBatchLoader(new StoredVersions(this.table, "Inventory", this.metrics),
				new InventoryTableWriter(this.table, "Inventory", this.metrics), null, this.metrics, this.pool, slow,
				Clock.systemUTC(), (pause) -> {
				}, new UploadProgress(this.table, "InventoryUploads", this.metrics, Clock.systemUTC()), null);
		// Another instance writes a newer version of Item 1 after this batch read the
		// versions.
		this.table.afterRead = () -> {
			this.table.afterRead = () -> {
			};
			this.loader.load(file("2026-12-03T08:00:00Z", 1, 1), "s", "0");
		};

		var outcome = late.load(file("2026-12-02T12:00:00Z", 2, 9), "s", "0");

		assertThat(this.table.count("Berlin", "Item 1")).isOne();
		assertThat(this.table.count("Berlin", "Item 2")).isEqualTo(9);
		assertThat(outcome).isEqualTo(new InventoryBatchLoader.Outcome(2, 1, 1, 0));
		assertThat(this.table.puts).hasValue(2);
	}

}
