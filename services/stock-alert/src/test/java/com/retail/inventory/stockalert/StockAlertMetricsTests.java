package com.retail.inventory.stockalert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.retail.inventory.contracts.AlertType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;

class StockAlertMetricsTests {

	private static final StockAlertProperties PROPERTIES = InMemoryAlertLog.PROPERTIES;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private boolean snsDown;

	/** SNS as far as publishing goes: accepts, or fails while {@link #snsDown}. */
	private final SnsClient sns = new SnsClient() {
		@Override
		public PublishResponse publish(PublishRequest request) {
			if (StockAlertMetricsTests.this.snsDown) {
				throw SnsException.builder().message("Rate exceeded").statusCode(400).build();
			}
			return PublishResponse.builder().messageId("m").build();
		}

		@Override
		public String serviceName() {
			return SERVICE_NAME;
		}

		@Override
		public void close() {
		}
	};

	private final AlertPublisher publisher = new AlertPublisher(this.sns, PROPERTIES,
			new StockAlertMetrics(this.meters));

	private double alerts(AlertType type) {
		return this.meters.get(StockAlertMetrics.ALERTS).tag("type", type.name()).counter().count();
	}

	private double failures() {
		return this.meters.get(StockAlertMetrics.PUBLISH_FAILURES).counter().count();
	}

	@Test
	void countsEachItemAlertedByTypeOnceSnsHasItAndEachFailedAttempt() {
		assertThat(this.meters.get(StockAlertMetrics.ALERTS).counters()).hasSize(AlertType.values().length)
			.allSatisfy((counter) -> assertThat(counter.count()).isZero());

		this.publisher.publish(new StockAlert("Berlin", "Echo Dot", 0, null, AlertType.OUT_OF_STOCK));
		this.publisher.publish(new AlertDigest("Oslo", AlertType.OUT_OF_STOCK, List.of("a", "b", "c")));
		this.publisher.publish(new StockAlert("Berlin", "Echo Plus", 2, 5L, AlertType.LOW_STOCK));
		this.snsDown = true;
		assertThatExceptionOfType(SnsException.class).isThrownBy(
				() -> this.publisher.publish(new StockAlert("Berlin", "Echo Show", 4, null, AlertType.BACK_IN_STOCK)));
		assertThatExceptionOfType(SnsException.class)
			.isThrownBy(() -> this.publisher.publish(new AlertDigest("Oslo", AlertType.LOW_STOCK, List.of("d", "e"))));

		assertThat(alerts(AlertType.OUT_OF_STOCK)).as("one alert and a digest of three items").isEqualTo(4);
		assertThat(alerts(AlertType.LOW_STOCK)).isEqualTo(1);
		assertThat(alerts(AlertType.BACK_IN_STOCK)).as("not published").isZero();
		assertThat(failures()).isEqualTo(2);
	}

}
