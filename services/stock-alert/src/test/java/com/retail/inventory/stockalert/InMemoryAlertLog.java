package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.AlertLogTable;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The alert log's rules over a map, for unit tests of what uses it (the DynamoDB
 * conditions themselves are tested against the emulator in
 * {@link AlertLogIntegrationTests}). Instances sharing one map act as replicas sharing
 * the table; claims do not time out here.
 */
class InMemoryAlertLog extends AlertLog {

	static final StockAlertProperties PROPERTIES = new StockAlertProperties("arn:aws:sns:us-east-1:1:NoStock",
			"InventoryAlertLog", Duration.ofDays(30), "InventoryThresholds", Duration.ofSeconds(30), Set.of(), 5,
			Duration.ofSeconds(2), Duration.ofMinutes(1), null);

	/** One store item's state: the newest version, and who is sending its alert. */
	record Entry(String version, String claimedBy) {
	}

	private final Map<String, Entry> entries;

	private final String instance;

	InMemoryAlertLog(String instance, Map<String, Entry> entries) {
		super(null, PROPERTIES, Clock.systemUTC(), instance);
		this.instance = instance;
		this.entries = entries;
	}

	InMemoryAlertLog() {
		this("this-instance", new HashMap<>());
	}

	Map<String, Entry> entries() {
		return this.entries;
	}

	private static String id(Transition transition) {
		return AlertLogTable.alertId(transition.store(), transition.item());
	}

	@Override
	Map<String, String> versions(Collection<String> alertIds) {
		Map<String, String> found = new HashMap<>();
		alertIds.forEach((id) -> {
			Entry entry = this.entries.get(id);
			if (entry != null && entry.claimedBy() == null) {
				found.put(id, entry.version());
			}
		});
		return found;
	}

	@Override
	boolean record(Transition transition) {
		Entry entry = this.entries.get(id(transition));
		if (entry != null && entry.version().compareTo(transition.version()) >= 0) {
			return false;
		}
		this.entries.put(id(transition), new Entry(transition.version(), null));
		return true;
	}

	@Override
	Claim claim(Transition transition) {
		Entry entry = this.entries.get(id(transition));
		int order = (entry != null) ? entry.version().compareTo(transition.version()) : -1;
		if (order < 0 || (order == 0 && this.instance.equals(entry.claimedBy()))) {
			this.entries.put(id(transition), new Entry(transition.version(), this.instance));
			return Claim.CLAIMED;
		}
		return (order == 0 && entry.claimedBy() != null) ? Claim.ELSEWHERE : Claim.SEEN;
	}

	@Override
	void sent(Transition transition) {
		this.entries.computeIfPresent(id(transition),
				(id, entry) -> (entry.version().equals(transition.version()) && this.instance.equals(entry.claimedBy()))
						? new Entry(entry.version(), null) : entry);
	}

}
