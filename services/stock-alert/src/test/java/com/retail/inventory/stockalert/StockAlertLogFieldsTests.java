package com.retail.inventory.stockalert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import ch.qos.logback.classic.Level;
import com.retail.inventory.contracts.LogFields;
import com.retail.inventory.contracts.ThresholdRules;
import com.retail.inventory.local.LogCapture;
import io.awspring.cloud.kinesis.integration.Checkpointer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * While stock-alert handles a shard's records, the log fields name the shard; each
 * alert's lines also name its upload and store; afterwards, failed or not, the thread
 * (the window's timer, reused for every shard) keeps none.
 */
class StockAlertLogFieldsTests {

	private static final StockAlertProperties PROPERTIES = InMemoryAlertLog.PROPERTIES;

	private final List<Map<String, String>> handled = new ArrayList<>();

	private final List<Map<String, String>> published = new ArrayList<>();

	private boolean snsDown;

	private final Checkpointer checkpointer = new Checkpointer() {
		@Override
		public boolean checkpoint() {
			return true;
		}

		@Override
		public boolean checkpoint(String sequenceNumber) {
			return true;
		}
	};

	private final AlertLog alertLog = new InMemoryAlertLog();

	private final AlertPublisher publisher = new AlertPublisher(null, PROPERTIES,
			new StockAlertMetrics(new SimpleMeterRegistry())) {
		@Override
		void publish(StockAlert alert) {
			if (StockAlertLogFieldsTests.this.snsDown) {
				throw new IllegalStateException("SNS is unavailable");
			}
			StockAlertLogFieldsTests.this.published.add(MDC.getCopyOfContextMap());
		}

		@Override
		void publish(AlertDigest digest) {
			StockAlertLogFieldsTests.this.published.add(MDC.getCopyOfContextMap());
		}
	};

	private final StockAlertSender sender = new StockAlertSender(this.alertLog, this.publisher,
			() -> new ThresholdRules(Map.of()), Set.of(), 5);

	@AfterEach
	void clear() {
		MDC.clear();
	}

	private static Record record(String json) {
		return Record.builder().data(SdkBytes.fromUtf8String(json)).partitionKey("k").sequenceNumber("7").build();
	}

	private static Record outOfStock(String store, String item, String uploadId) {
		return record(ChangeRecords.json("e-" + store + item, store, item, "9", "0", "v1", uploadId));
	}

	@Test
	void aShardsRecordsAreHandledWithItsShardAndNothingIsLeftOnTheTimerThread() {
		DigestWindow window = new DigestWindow((records) -> this.handled.add(MDC.getCopyOfContextMap()), Duration.ZERO,
				100, Clock.fixed(Instant.parse("2026-12-03T05:00:00Z"), ZoneOffset.UTC));

		window.accept("shardId-000000000003", List.of(record("{}")), this.checkpointer);
		window.flushDue();

		assertThat(this.handled).singleElement()
			.satisfies((mdc) -> assertThat(mdc).containsEntry(LogFields.SHARD, "shardId-000000000003"));
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void aFailureIsLoggedWithItsShardAndLeavesNothing() {
		DigestWindow window = new DigestWindow((records) -> {
			throw new IllegalStateException("SNS is unavailable");
		}, Duration.ZERO, 100, Clock.fixed(Instant.parse("2026-12-03T05:00:00Z"), ZoneOffset.UTC));
		try (LogCapture logs = new LogCapture(DigestWindow.class.getName(), Level.INFO)) {
			window.accept("shardId-000000000004", List.of(record("{}")), this.checkpointer);
			window.flushDue();

			assertThat(logs.mdcOf("Could not send the alerts of shard shardId-000000000004"))
				.containsEntry(LogFields.SHARD, "shardId-000000000004");
		}
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void eachAlertAndDigestNamesItsUploadAndStore() {
		List<Record> batch = new ArrayList<>();
		batch.add(outOfStock("Hamburg", "Echo", "upload-h"));
		for (int i = 1; i <= 6; i++) {
			batch.add(outOfStock("Berlin", "Item " + i, "upload-b"));
		}
		try (LogFields.Scope shard = LogFields.scope().with(LogFields.SHARD, "shardId-000000000005");
				LogCapture logs = new LogCapture(StockAlertSender.class.getName(), Level.INFO)) {
			assertThat(this.sender.send(batch)).isEqualTo(2);

			assertThat(this.published).containsExactly(
					Map.of(LogFields.SHARD, "shardId-000000000005", LogFields.UPLOAD_ID, "upload-h", LogFields.STORE,
							"Hamburg"),
					Map.of(LogFields.SHARD, "shardId-000000000005", LogFields.UPLOAD_ID, "upload-b", LogFields.STORE,
							"Berlin"));
			assertThat(logs.mdcOf("Alerted: Berlin: 6 items")).containsEntry(LogFields.UPLOAD_ID, "upload-b")
				.containsEntry(LogFields.STORE, "Berlin");
			// The batch's field stays; the alert's are gone.
			assertThat(MDC.getCopyOfContextMap()).containsOnlyKeys(LogFields.SHARD);
		}
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void aFailedPublishLeavesNoAlertFields() {
		this.snsDown = true;

		assertThatIllegalStateException()
			.isThrownBy(() -> this.sender.send(List.of(outOfStock("Hamburg", "Echo", "upload-h"))));

		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

}
