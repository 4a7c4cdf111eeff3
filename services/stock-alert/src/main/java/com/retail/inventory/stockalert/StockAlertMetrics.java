package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.AlertType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What stock-alert counts for operators: item alerts published, by type
 * ({@code inventory.alerts}, tag {@code type}; a digest counts each item it names), and
 * SNS publish attempts that failed ({@code inventory.alerts.publish.failures}; each is
 * retried).
 */
@Component
class StockAlertMetrics {

	static final String ALERTS = "inventory.alerts";

	static final String PUBLISH_FAILURES = "inventory.alerts.publish.failures";

	private final Map<AlertType, Counter> alerts = new EnumMap<>(AlertType.class);

	private final Counter publishFailures;

	StockAlertMetrics(MeterRegistry meters) {
		for (AlertType type : AlertType.values()) {
			this.alerts.put(type,
					Counter.builder(ALERTS)
						.tag("type", type.name())
						.description("item alerts published to SNS (a digest counts each item it names)")
						.register(meters));
		}
		this.publishFailures = Counter.builder(PUBLISH_FAILURES)
			.description("SNS publish attempts that failed (the alerts are sent again)")
			.register(meters);
	}

	/** SNS accepted a message alerting these many items of this type. */
	void published(AlertType type, int items) {
		this.alerts.get(type).increment(items);
	}

	void publishFailed() {
		this.publishFailures.increment();
	}

}
