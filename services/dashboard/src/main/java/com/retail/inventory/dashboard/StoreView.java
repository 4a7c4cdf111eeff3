package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.StockLevel;
import com.retail.inventory.contracts.ThresholdRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * One store in the inventory view: its items with their levels, its summary, and the JSON
 * of both, serialized once per change rather than once per request. Immutable.
 */
final class StoreView {

	private final String store;

	private final long version;

	private final List<TableItem> source;

	private final List<ItemStock> items;

	private final Map<String, ItemStock> byItem;

	private final List<ItemStock> attention;

	private final StoreSummary summary;

	private final Representation summaryJson;

	private final JsonMapper json;

	private volatile Representation itemsJson;

	private StoreView(String store, long version, List<TableItem> source, ThresholdRules rules, JsonMapper json) {
		this.store = store;
		this.version = version;
		this.source = source;
		this.json = json;
		List<ItemStock> items = new ArrayList<>(source.size());
		Map<String, ItemStock> byItem = new HashMap<>();
		int outOfStock = 0;
		int lowStock = 0;
		long units = 0;
		String updatedAt = null;
		for (TableItem row : source) {
			ItemStock item = ItemStock.of(row, rules.lowStock(this.store, row.item()));
			items.add(item);
			byItem.put(item.item(), item);
			outOfStock += (item.level() == StockLevel.OUT) ? 1 : 0;
			lowStock += (item.level() == StockLevel.LOW) ? 1 : 0;
			units += (item.count() != null && item.count() > 0) ? item.count() : 0;
			if (item.updatedAt() != null && (updatedAt == null || item.updatedAt().compareTo(updatedAt) > 0)) {
				updatedAt = item.updatedAt();
			}
		}
		this.items = List.copyOf(items);
		this.byItem = byItem;
		this.attention = items.stream()
			.filter(ItemStock::attention)
			.sorted(Comparator.comparing(ItemStock::level).thenComparing(ItemStock::item))
			.toList();
		this.summary = new StoreSummary(this.store, items.size(), outOfStock, lowStock, units, updatedAt);
		this.summaryJson = Representation.of(json.writeValueAsBytes(this.summary));
	}

	/**
	 * @param store the store
	 * @param version its version (a new one for every change)
	 * @param rows its items as the table holds them, in any order
	 * @param rules the thresholds
	 * @param json how the API writes JSON
	 */
	static StoreView of(String store, long version, List<TableItem> rows, ThresholdRules rules, JsonMapper json) {
		return new StoreView(store, version, rows.stream().sorted(Comparator.comparing(TableItem::item)).toList(),
				rules, json);
	}

	/**
	 * @return the store with other thresholds applied, or this view when its items come
	 * out the same (so its JSON and entity tags stay)
	 */
	StoreView withThresholds(ThresholdRules rules, long newVersion) {
		StoreView view = new StoreView(this.store, newVersion, this.source, rules, this.json);
		return view.items.equals(this.items) ? this : view;
	}

	/**
	 * @return the store with the rows read now, or this view when nothing changed
	 */
	StoreView withRows(List<TableItem> rows, ThresholdRules rules, long newVersion) {
		StoreView view = of(this.store, newVersion, rows, rules, this.json);
		return view.items.equals(this.items) ? this : view;
	}

	String store() {
		return this.store;
	}

	long version() {
		return this.version;
	}

	/** Its items by name. */
	List<ItemStock> items() {
		return this.items;
	}

	/**
	 * @return the item, or null when the store does not have it
	 */
	ItemStock item(String item) {
		return this.byItem.get(item);
	}

	/** Its out-of-stock items by name, then its low ones by name. */
	List<ItemStock> attention() {
		return this.attention;
	}

	StoreSummary summary() {
		return this.summary;
	}

	/** {@link #summary()} as JSON. */
	Representation summaryJson() {
		return this.summaryJson;
	}

	/**
	 * {@link #items()} as JSON: made on first use (a store nobody looks at costs no
	 * serialization), then kept as long as the store does not change.
	 */
	Representation itemsJson() {
		Representation items = this.itemsJson;
		if (items == null) {
			items = Representation.of(this.json.writeValueAsBytes(this.items));
			this.itemsJson = items;
		}
		return items;
	}

}
