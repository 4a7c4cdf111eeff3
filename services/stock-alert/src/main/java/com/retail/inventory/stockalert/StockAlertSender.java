package com.retail.inventory.stockalert;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * Sends the alerts one batch of change records calls for. For each change that deserves
 * an alert: skip it if the alert log has it, else publish, then record it. A failure
 * propagates (the batch is read again) and the log keeps already-sent alerts from
 * repeating. A crash between publish and record can still repeat that one alert:
 * at-least-once, never lost.
 */
class StockAlertSender {

	private static final Logger log = LoggerFactory.getLogger(StockAlertSender.class);

	private final ChangeRecordDecoder decoder = new ChangeRecordDecoder();

	private final StockRules rules = new StockRules();

	private final AlertLog alertLog;

	private final AlertPublisher publisher;

	StockAlertSender(AlertLog alertLog, AlertPublisher publisher) {
		this.alertLog = alertLog;
		this.publisher = publisher;
	}

	/**
	 * @param batch change records of one shard, in stream order
	 * @return how many alerts were published
	 */
	int send(List<Record> batch) {
		int published = 0;
		for (Record record : batch) {
			StockAlert alert = this.decoder.decode(record.data().asByteArray())
				.flatMap(this.rules::evaluate)
				.orElse(null);
			if (alert == null) {
				continue;
			}
			if (this.alertLog.wasSent(alert)) {
				log.info("Alert for change {} was already sent; not repeating it", alert.id());
				continue;
			}
			this.publisher.publish(alert);
			this.alertLog.recordSent(alert);
			published++;
			log.info("Alerted: {}", alert.message());
		}
		return published;
	}

}
