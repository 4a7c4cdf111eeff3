package com.retail.inventory.stockalert;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The binder consumer: one call per batch of change records. For each out-of-stock
 * change: skip it if the alert log has it, else publish, then record it. Only when the
 * whole batch is done does the binder checkpoint; a failure re-reads the batch and the
 * log keeps already-sent alerts from repeating. (A crash between publish and record can
 * still repeat one alert: at-least-once, never lost.)
 */
@Configuration(proxyBeanMethods = false)
class StockAlertConsumer {

	private static final Logger log = LoggerFactory.getLogger(StockAlertConsumer.class);

	private final ChangeRecordDecoder decoder = new ChangeRecordDecoder();

	private final StockRules rules = new StockRules();

	@Bean
	Consumer<Message<List<Record>>> stockAlerts(AlertLog alertLog, AlertPublisher publisher) {
		return message -> {
			for (Record record : message.getPayload()) {
				decoder.decode(record.data().asByteArray()).flatMap(rules::evaluate).ifPresent(alert -> {
					if (alertLog.wasSent(alert)) {
						log.info("Alert for change {} was already sent; not repeating it", alert.id());
						return;
					}
					publisher.publish(alert);
					alertLog.recordSent(alert);
					log.info("Alerted: {}", alert.message());
				});
			}
		};
	}

}
