package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.ThresholdRules;
import com.retail.inventory.contracts.AlertLogTable;
import com.retail.inventory.contracts.AlertType;
import com.retail.inventory.contracts.LogFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * alert is claimed in the alert state (so that of two instances reading the same change,
 * during a shard's move between replicas, one sends it), published, then marked sent. A
 * failure propagates (the batch is read again); an instance that stops between claiming
 * and publishing leaves a claim the next reader takes over after the claim timeout: never
 * lost, never stale, and repeated only by a crash between publishing and marking.
 */
class StockAlertSender {

	private static final Logger log = LoggerFactory.getLogger(StockAlertSender.class);

	private final ChangeRecordDecoder decoder = new ChangeRecordDecoder();

	private final StockRules rules = new StockRules();

	private final AlertLog alertLog;

	private final AlertPublisher publisher;

	private final Supplier<ThresholdRules> thresholds;

	private final Set<AlertType> disabled;

	private final int digestAbove;

	/**
	 * @param digestAbove more alerts than this of one type, for one store, from one
	 * upload, in one batch, become one digest message
	 */
	StockAlertSender(AlertLog alertLog, AlertPublisher publisher, Supplier<ThresholdRules> thresholds,
			Set<AlertType> disabled, int digestAbove) {
		this.alertLog = alertLog;
		this.publisher = publisher;
		this.thresholds = thresholds;
		this.disabled = Set.copyOf(disabled);
		this.digestAbove = digestAbove;
	}

	private boolean alerting(Transition transition) {
		return transition.alertType() != null && !this.disabled.contains(transition.alertType());
	}

	/**
	 * Sends the alerts of these transitions: one by one, or, where one upload caused more
	 * than {@code digestAbove} of one type for one store, one digest for them. Each alert
	 * is claimed in the alert log first and marked sent right after it is published.
	 * @param elsewhere collects the transitions another instance is sending right now
	 * @return messages published
	 */
	private int publish(List<Transition> transitions, List<Transition> elsewhere) {
		Map<List<String>, List<Transition>> groups = new LinkedHashMap<>();
		for (Transition transition : transitions) {
			groups
				.computeIfAbsent(
						Arrays.asList(transition.uploadId(), transition.store(), transition.alertType().name()),
						(key) -> new ArrayList<>())
				.add(transition);
		}
		int published = 0;
		for (List<Transition> group : groups.values()) {
			List<Transition> claimed = claim(group, elsewhere);
			if (claimed.size() > this.digestAbove && claimed.get(0).uploadId() != null) {
				AlertDigest digest = new AlertDigest(claimed.get(0).store(), claimed.get(0).alertType(),
						claimed.stream().map(Transition::item).toList());
				try (LogFields.Scope fields = fieldsOf(claimed.get(0))) {
					this.publisher.publish(digest);
					log.info("Alerted: {}", digest.message());
				}
				claimed.forEach(this::sent);
				published++;
				continue;
			}
			for (Transition transition : claimed) {
				try (LogFields.Scope fields = fieldsOf(transition)) {
					this.publisher.publish(transition.alert());
					log.info("Alerted: {}", transition.alert().message());
				}
				sent(transition);
				published++;
			}
		}
		return published;
	}

	/**
	 * @return the transitions of the group this instance sends (a change written by
	 * something other than the loader has no version: nothing to claim)
	 */
	private List<Transition> claim(List<Transition> group, List<Transition> elsewhere) {
		List<Transition> claimed = new ArrayList<>();
		for (Transition transition : group) {
			AlertLog.Claim claim = (transition.version() != null) ? this.alertLog.claim(transition)
					: AlertLog.Claim.CLAIMED;
			switch (claim) {
				case CLAIMED -> claimed.add(transition);
				case ELSEWHERE -> elsewhere.add(transition);
				case SEEN -> log.info("Not alerting for {} / {}: version {} was alerted already", transition.store(),
						transition.item(), transition.version());
			}
		}
		return claimed;
	}

	private void sent(Transition transition) {
		if (transition.version() != null) {
			this.alertLog.sent(transition);
		}
	}

	/** The upload a change came from (when the loader wrote it) and its store. */
	private static LogFields.Scope fieldsOf(Transition transition) {
		return LogFields.scope()
			.with(LogFields.UPLOAD_ID, transition.uploadId())
			.with(LogFields.STORE, transition.store());
	}

	/**
	 * @param batch change records of one shard, in stream order
	 * @return how many messages were published
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
		List<Transition> fresh = new ArrayList<>();
		for (Transition transition : transitions) {
			String id = AlertLogTable.alertId(transition.store(), transition.item());
			String seen = recorded.get(id);
			if (transition.version() != null && seen != null && transition.version().compareTo(seen) <= 0) {
				try (LogFields.Scope fields = fieldsOf(transition)) {
					log.info(
							"Not alerting for {} / {} ({} -> {}): a change of version {} was seen already, this one is {}",
							transition.store(), transition.item(), transition.before(), transition.now(), seen,
							transition.version());
				}
				continue;
			}
			fresh.add(transition);
			if (transition.version() != null) {
				recorded.put(id, transition.version());
			}
		}
		// An item changed twice in the batch is handled in two rounds, in stream
		// order: its first alert is sent and marked before its second is claimed (a
		// claim of the second would hide the first from an instance taking it over).
		List<List<Transition>> rounds = new ArrayList<>();
		Map<String, Integer> changesOf = new HashMap<>();
		for (Transition transition : fresh) {
			int round = changesOf.merge(AlertLogTable.alertId(transition.store(), transition.item()), 1, Integer::sum)
					- 1;
			if (round == rounds.size()) {
				rounds.add(new ArrayList<>());
			}
			rounds.get(round).add(transition);
		}
		int published = 0;
		List<Transition> elsewhere = new ArrayList<>();
		for (List<Transition> round : rounds) {
			published += publish(round.stream().filter(this::alerting).toList(), elsewhere);
			for (Transition transition : round) {
				if (transition.version() != null && !alerting(transition)) {
					this.alertLog.record(transition);
				}
			}
		}
		if (!elsewhere.isEmpty()) {
			throw new SentElsewhereException(elsewhere.size());
		}
		return published;
	}

}
