package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.ThresholdRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.retail.inventory.contracts.AlertType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;

class StockAlertSenderTests {

	private static final StockAlertProperties PROPERTIES = InMemoryAlertLog.PROPERTIES;

	private final InMemoryAlertLog alertLog = new InMemoryAlertLog();

	private final List<StockAlert> published = new ArrayList<>();

	private final List<AlertDigest> digests = new ArrayList<>();

	private boolean snsDown;

	private final AlertPublisher publisher = new AlertPublisher(null, PROPERTIES,
			new StockAlertMetrics(new SimpleMeterRegistry())) {
		@Override
		void publish(StockAlert alert) {
			if (StockAlertSenderTests.this.snsDown) {
				throw new IllegalStateException("SNS is unavailable");
			}
			StockAlertSenderTests.this.published.add(alert);
		}

		@Override
		void publish(AlertDigest digest) {
			StockAlertSenderTests.this.digests.add(digest);
		}
	};

	private StockAlertSender sender(Set<AlertType> disabled) {
		return sender(this.alertLog, disabled);
	}

	private StockAlertSender sender(AlertLog alertLog, Set<AlertType> disabled) {
		return new StockAlertSender(alertLog, this.publisher,
				() -> new ThresholdRules(Map.of(new ThresholdRules.Key("*", "*"), 5L)), disabled, 5);
	}

	private static Record change(String version, String oldCount, String newCount) {
		return Record.builder()
			.data(SdkBytes.fromUtf8String(
					ChangeRecords.json("evt-" + version, "Berlin", "Echo Plus", oldCount, newCount, version)))
			.partitionKey("k")
			.sequenceNumber("1")
			.build();
	}

	@Test
	void eachTransitionAlertsOnceWhateverIsDeliveredAgain() {
		Record garbage = Record.builder().data(SdkBytes.fromUtf8String("garbage")).partitionKey("k").build();
		StockAlertSender sender = sender(Set.of());

		int sent = sender
			.send(List.of(change("v1", "9", "0"), change("v2", "0", "0"), garbage, change("v1", "9", "0")));
		assertThat(sent).isOne();
		// The whole stream again, as after a replay from the start.
		assertThat(sender.send(List.of(change("v1", "9", "0")))).isZero();
		assertThat(this.published).extracting(StockAlert::message)
			.containsExactly("Berlin is out of stock of Echo Plus");
	}

	@Test
	void aLateOlderChangeCannotAlertAfterANewerOne() {
		StockAlertSender sender = sender(Set.of());
		sender.send(List.of(change("v1", "9", "0"), change("v3", "0", "8")));
		// "Out of stock" (v2), delivered after the restock (v3): stale, not sent.
		assertThat(sender.send(List.of(change("v2", "8", "0")))).isZero();
		assertThat(this.published).extracting(StockAlert::type)
			.containsExactly(AlertType.OUT_OF_STOCK, AlertType.BACK_IN_STOCK);
	}

	@Test
	void disabledTypesAreNotSentButStillRecorded() {
		StockAlertSender sender = sender(Set.of(AlertType.LOW_STOCK));
		assertThat(sender.send(List.of(change("v1", "9", "3"), change("v2", "3", "0")))).isOne();
		assertThat(this.published).extracting(StockAlert::type).containsExactly(AlertType.OUT_OF_STOCK);
		assertThat(this.alertLog.entries()).containsValue(new InMemoryAlertLog.Entry("v2", null));
	}

	@Test
	void moreThanFiveAlertsOfOneTypeForOneStoreFromOneUploadBecomeOneDigest() {
		List<Record> zeroed = new ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			zeroed.add(record(ChangeRecords.json("e" + i, "Berlin", "Item " + i, "9", "0", "v" + i, "upload-1")));
		}
		for (int i = 1; i <= 5; i++) {
			zeroed.add(record(ChangeRecords.json("h" + i, "Hamburg", "Item " + i, "9", "0", "v" + i, "upload-1")));
		}
		StockAlertSender sender = sender(Set.of());

		assertThat(sender.send(zeroed)).isEqualTo(6);
		assertThat(this.digests).singleElement().satisfies((digest) -> {
			assertThat(digest.items()).hasSize(30);
			assertThat(digest.message()).isEqualTo("Berlin: 30 items out of stock: Item 1, Item 2, Item 3, Item 4, "
					+ "Item 5, Item 6, Item 7, Item 8, Item 9, Item 10, Item 11, Item 12, … (and 18 more)");
		});
		// Five in Hamburg: each its own alert.
		assertThat(this.published).hasSize(5).allSatisfy((alert) -> assertThat(alert.store()).isEqualTo("Hamburg"));
		// Every item's state is recorded: the batch read again sends nothing.
		assertThat(sender.send(zeroed)).isZero();
	}

	private static Record record(String json) {
		return Record.builder().data(SdkBytes.fromUtf8String(json)).partitionKey("k").sequenceNumber("1").build();
	}

	@Test
	void aFailedPublishPropagatesAndIsNotRecordedSoTheRetrySendsIt() {
		StockAlertSender sender = sender(Set.of());
		this.snsDown = true;
		assertThatIllegalStateException().isThrownBy(() -> sender.send(List.of(change("v1", "4", "0"))));
		// Still this instance's to send.
		assertThat(this.alertLog.entries()).containsValue(new InMemoryAlertLog.Entry("v1", "this-instance"));

		this.snsDown = false;
		assertThat(sender.send(List.of(change("v1", "4", "0")))).isOne();
		assertThat(this.published).hasSize(1);
	}

	@Test
	void ofTwoInstancesReadingTheSameChangesOneSendsEachAlert() {
		Map<String, InMemoryAlertLog.Entry> table = new HashMap<>();
		InMemoryAlertLog first = new InMemoryAlertLog("first", table);
		InMemoryAlertLog second = new InMemoryAlertLog("second", table);
		List<Record> changes = List.of(change("v1", "9", "0"));
		// The shard moved while the first instance was publishing: its claim is there,
		// the alert not yet marked sent.
		assertThat(first.claim(new Transition("Berlin", "Echo Plus", 0, 5L, null, null, "v1", null)))
			.isEqualTo(AlertLog.Claim.CLAIMED);

		assertThatExceptionOfType(SentElsewhereException.class)
			.isThrownBy(() -> sender(second, Set.of()).send(changes));
		assertThat(this.published).isEmpty();

		// Once it is sent, the second instance, reading the changes again, skips it.
		first.sent(new Transition("Berlin", "Echo Plus", 0, 5L, null, null, "v1", null));
		assertThat(sender(second, Set.of()).send(changes)).isZero();
		assertThat(this.published).isEmpty();
	}

	@Test
	void anItemChangedTwiceInOneBatchAlertsForEachChangeInOrder() {
		assertThat(sender(Set.of()).send(List.of(change("v1", "9", "0"), change("v2", "0", "8")))).isEqualTo(2);
		assertThat(this.published).extracting(StockAlert::type)
			.containsExactly(AlertType.OUT_OF_STOCK, AlertType.BACK_IN_STOCK);
		assertThat(this.alertLog.entries()).containsValue(new InMemoryAlertLog.Entry("v2", null));
	}

}
