package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.AlertLogTable;
import com.retail.inventory.contracts.AlertType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * Sends the alerts one batch of change records calls for. Each change that moves an item
 * from one stock level to another is checked against the item's alert state: only a
 * change newer than the last one recorded counts (a change delivered again, or a late
 * older one, e.g. "out of stock" after the restock, alerts nobody). For a newer one: the
 * alert is published, then the state recorded. A failure propagates (the batch is read
 * again); a crash between publishing and recording repeats that one alert once when the
 * batch is read again: at least once, never lost, never stale.
 */
class StockAlertSender {

	private static final Logger log = LoggerFactory.getLogger(StockAlertSender.class);

	private final ChangeRecordDecoder decoder = new ChangeRecordDecoder();

	private final StockRules rules = new StockRules();

	private final AlertLog alertLog;

	private final AlertPublisher publisher;

	private final Supplier<ThresholdRules> thresholds;

	private final Set<AlertType> disabled;

	StockAlertSender(AlertLog alertLog, AlertPublisher publisher, Supplier<ThresholdRules> thresholds,
			Set<AlertType> disabled) {
		this.alertLog = alertLog;
		this.publisher = publisher;
		this.thresholds = thresholds;
		this.disabled = Set.copyOf(disabled);
	}

	/**
	 * @param batch change records of one shard, in stream order
	 * @return how many alerts were published
	 */
	int send(List<Record> batch) {
		ThresholdRules thresholds = null;
		List<Transition> transitions = new ArrayList<>();
		for (Record record : batch) {
			var change = this.decoder.decode(record.data().asByteArray());
			if (change.isEmpty()) {
				continue;
			}
			if (thresholds == null) {
				thresholds = this.thresholds.get();
			}
			this.rules.evaluate(change.get(), thresholds).ifPresent(transitions::add);
		}
		if (transitions.isEmpty()) {
			return 0;
		}
		Map<String, String> recorded = this.alertLog.versions(transitions.stream()
			.filter((t) -> t.version() != null)
			.map((t) -> AlertLogTable.alertId(t.store(), t.item()))
			.distinct()
			.toList());
		int published = 0;
		for (Transition transition : transitions) {
			String id = AlertLogTable.alertId(transition.store(), transition.item());
			String seen = recorded.get(id);
			if (transition.version() != null && seen != null && transition.version().compareTo(seen) <= 0) {
				log.info("Not alerting for {} / {} ({} -> {}): a change of version {} was seen already, this one is {}",
						transition.store(), transition.item(), transition.before(), transition.now(), seen,
						transition.version());
				continue;
			}
			AlertType type = transition.alertType();
			boolean alert = type != null && !this.disabled.contains(type);
			if (alert) {
				this.publisher.publish(transition.alert());
				published++;
				log.info("Alerted: {}", transition.alert().message());
			}
			if (transition.version() != null) {
				this.alertLog.record(transition, alert);
				recorded.put(id, transition.version());
			}
		}
		return published;
	}

}
