package com.retail.inventory.ops.status;

import java.util.List;
import java.util.Objects;

/**
 * The store items currently out of stock or low, per the alert log. Informational.
 *
 * @param total how many items are out of stock or low
 * @param alerts the first of them (in scan order, sorted by store and item for display)
 */
public record OpenAlerts(long total, List<AlertRow> alerts) implements SectionResult {

	public static final String NAME = "alerts";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String title() {
		return "Open alerts (" + this.total
				+ ((this.total > this.alerts.size()) ? ", first " + this.alerts.size() + " shown" : "") + ")";
	}

	@Override
	public Health health() {
		return Health.OK;
	}

	@Override
	public List<String> problems() {
		return List.of();
	}

	@Override
	public List<Table> tables() {
		return List.of(new Table("", List.of("STORE", "ITEM", "LEVEL", "LAST ALERT"),
				this.alerts.stream()
					.map((a) -> List.of(a.store(), a.item(), a.level(), Objects.toString(a.lastAlert(), "-")))
					.toList()));
	}

	@Override
	public Object data() {
		return this;
	}

}
