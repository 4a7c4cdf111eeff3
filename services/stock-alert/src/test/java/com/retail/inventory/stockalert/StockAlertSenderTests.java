package com.retail.inventory.stockalert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;

class StockAlertSenderTests {

	private static final StockAlertProperties PROPERTIES = new StockAlertProperties("arn:aws:sns:us-east-1:1:NoStock",
			"InventoryAlertLog", Duration.ofDays(30));

	private final Set<String> logged = new HashSet<>();

	private final List<StockAlert> published = new ArrayList<>();

	private boolean snsDown;

	private final AlertLog alertLog = new AlertLog(null, PROPERTIES, Clock.systemUTC()) {
		@Override
		boolean wasSent(StockAlert alert) {
			return StockAlertSenderTests.this.logged.contains(alert.id());
		}

		@Override
		void recordSent(StockAlert alert) {
			StockAlertSenderTests.this.logged.add(alert.id());
		}
	};

	private final AlertPublisher publisher = new AlertPublisher(null, PROPERTIES) {
		@Override
		void publish(StockAlert alert) {
			if (StockAlertSenderTests.this.snsDown) {
				throw new IllegalStateException("SNS is unavailable");
			}
			StockAlertSenderTests.this.published.add(alert);
		}
	};

	private final StockAlertSender sender = new StockAlertSender(this.alertLog, this.publisher);

	private static Record change(String eventId, String oldCount, String newCount) {
		return Record.builder()
			.data(SdkBytes.fromUtf8String(ChangeRecords.json(eventId, "Berlin", "Echo Plus", oldCount, newCount)))
			.partitionKey("k")
			.sequenceNumber("1")
			.build();
	}

	@Test
	void publishesOnceAndRecordsEachAlertingChange() {
		Record garbage = Record.builder().data(SdkBytes.fromUtf8String("garbage")).partitionKey("k").build();

		int sent = this.sender
			.send(List.of(change("e1", "4", "0"), change("e2", "4", "3"), garbage, change("e1", "4", "0")));

		assertThat(sent).isOne();
		assertThat(this.published).extracting(StockAlert::message)
			.containsExactly("Berlin is out of stock of Echo Plus");
		assertThat(this.logged).containsExactly("e1");
	}

	@Test
	void aFailedPublishPropagatesAndIsNotRecordedSoTheRetrySendsIt() {
		this.snsDown = true;
		assertThatIllegalStateException().isThrownBy(() -> this.sender.send(List.of(change("e1", "4", "0"))));
		assertThat(this.logged).isEmpty();

		this.snsDown = false;
		assertThat(this.sender.send(List.of(change("e1", "4", "0")))).isOne();
		assertThat(this.published).hasSize(1);
	}

}
