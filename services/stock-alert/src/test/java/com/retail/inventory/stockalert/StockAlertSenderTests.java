package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.ThresholdRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.retail.inventory.contracts.AlertLogTable;
import com.retail.inventory.contracts.AlertType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;

class StockAlertSenderTests {

	private static final StockAlertProperties PROPERTIES = new StockAlertProperties("arn:aws:sns:us-east-1:1:NoStock",
			"InventoryAlertLog", Duration.ofDays(30), "InventoryThresholds", Duration.ofSeconds(30), Set.of(), 5,
			Duration.ofSeconds(2), null);

	/** The alert state, by alert id: version. */
	private final Map<String, String> state = new HashMap<>();

	private final List<StockAlert> published = new ArrayList<>();

	private final List<AlertDigest> digests = new ArrayList<>();

	private boolean snsDown;

	private final AlertLog alertLog = new AlertLog(null, PROPERTIES, Clock.systemUTC()) {
		@Override
		Map<String, String> versions(Collection<String> alertIds) {
			Map<String, String> found = new HashMap<>();
			alertIds.forEach((id) -> {
				if (StockAlertSenderTests.this.state.containsKey(id)) {
					found.put(id, StockAlertSenderTests.this.state.get(id));
				}
			});
			return found;
		}

		@Override
		boolean record(Transition transition, boolean alerted) {
			StockAlertSenderTests.this.state.merge(AlertLogTable.alertId(transition.store(), transition.item()),
					transition.version(), (a, b) -> (a.compareTo(b) >= 0) ? a : b);
			return true;
		}
	};

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
		return new StockAlertSender(this.alertLog, this.publisher,
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
		assertThat(this.state).containsValue("v2");
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
		assertThat(this.state).isEmpty();

		this.snsDown = false;
		assertThat(sender.send(List.of(change("v1", "4", "0")))).isOne();
		assertThat(this.published).hasSize(1);
	}

}
