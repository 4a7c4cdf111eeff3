package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.StockLevel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inventory view at one moment: every store by name. Immutable, so a request reads
 * one consistent state while the view moves on; what every user with all stores asks for
 * is made once per snapshot.
 */
final class InventorySnapshot {

	private final long version;

	private final NavigableMap<String, StoreView> stores;

	private final JsonMapper json;

	private volatile Representation allStores;

	private volatile Representation allOverview;

	InventorySnapshot(long version, NavigableMap<String, StoreView> stores, JsonMapper json) {
		this.version = version;
		this.stores = Collections.unmodifiableNavigableMap(new TreeMap<>(stores));
		this.json = json;
	}

	/** Incremented with every change of any store. */
	long version() {
		return this.version;
	}

	NavigableMap<String, StoreView> stores() {
		return this.stores;
	}

	/**
	 * @return the store, or null when the view has no items of it
	 */
	StoreView store(String store) {
		return this.stores.get(store);
	}

	/** The stores in scope, by name. */
	List<StoreView> stores(ViewScope scope) {
		if (scope.all()) {
			return List.copyOf(this.stores.values());
		}
		List<StoreView> stores = new ArrayList<>();
		for (String store : new TreeSet<>(scope.stores())) {
			StoreView view = this.stores.get(store);
			if (view != null) {
				stores.add(view);
			}
		}
		return stores;
	}

	/**
	 * {@code GET /api/stores}: the JSON array of the summaries in scope, made from each
	 * store's summary JSON; its entity tag from the scope and those summaries, so that
	 * 304 costs no serialization.
	 */
	Representation summaries(ViewScope scope) {
		if (scope.all()) {
			Representation all = this.allStores;
			if (all == null) {
				all = summaries(scope, stores(scope));
				this.allStores = all;
			}
			return all;
		}
		return summaries(scope, stores(scope));
	}

	/** Only the entity tag of {@link #summaries(ViewScope)}. */
	String summariesTag(ViewScope scope) {
		if (scope.all() && this.allStores != null) {
			return this.allStores.etag();
		}
		return summariesTag(scope, stores(scope));
	}

	private static String summariesTag(ViewScope scope, List<StoreView> stores) {
		ETags.Builder tag = ETags.builder().add("stores").add(scope.key());
		for (StoreView store : stores) {
			tag.add(store.summaryJson().etag());
		}
		return tag.etag();
	}

	private static Representation summaries(ViewScope scope, List<StoreView> stores) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(128 * stores.size() + 2);
		out.write('[');
		for (int i = 0; i < stores.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.writeBytes(stores.get(i).summaryJson().bytes());
		}
		out.write(']');
		return new Representation(out.toByteArray(), summariesTag(scope, stores));
	}

	/** The item in every store in scope that has it, by store. */
	List<StoreItemStock> item(String item, ViewScope scope) {
		List<StoreItemStock> rows = new ArrayList<>();
		for (StoreView store : stores(scope)) {
			ItemStock stock = store.item(item);
			if (stock != null) {
				rows.add(StoreItemStock.of(store.store(), stock));
			}
		}
		return rows;
	}

	/**
	 * Every out-of-stock item of the stores in scope by store and item, then every low
	 * one.
	 */
	List<Overview.Attention> attention(ViewScope scope) {
		return attention(stores(scope), Integer.MAX_VALUE);
	}

	private static List<Overview.Attention> attention(List<StoreView> stores, int max) {
		List<Overview.Attention> rows = new ArrayList<>();
		for (StockLevel level : List.of(StockLevel.OUT, StockLevel.LOW)) {
			for (StoreView store : stores) {
				for (ItemStock item : store.attention()) {
					if (rows.size() >= max) {
						return rows;
					}
					if (item.level() == level) {
						rows.add(Overview.Attention.of(store.store(), item));
					}
				}
			}
		}
		return rows;
	}

	/** {@code GET /api/overview} as JSON. */
	Representation overview(ViewScope scope) {
		if (scope.all()) {
			Representation all = this.allOverview;
			if (all == null) {
				all = overviewJson(scope);
				this.allOverview = all;
			}
			return all;
		}
		return overviewJson(scope);
	}

	private Representation overviewJson(ViewScope scope) {
		List<StoreView> stores = stores(scope);
		long items = 0;
		long out = 0;
		long low = 0;
		long units = 0;
		for (StoreView store : stores) {
			StoreSummary summary = store.summary();
			items += summary.items();
			out += summary.outOfStock();
			low += summary.lowStock();
			units += summary.units();
		}
		Overview overview = new Overview(stores.size(), items, out, low, units,
				attention(stores, Overview.MAX_ATTENTION), out + low);
		byte[] bytes = this.json.writeValueAsBytes(overview);
		return new Representation(bytes, ETags.builder().add("overview").add(scope.key()).add(bytes).etag());
	}

}
