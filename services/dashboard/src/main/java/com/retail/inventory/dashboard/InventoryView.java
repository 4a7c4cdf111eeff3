package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.ThresholdRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inventory in memory, so a request never reads the table: read whole once
 * ({@link #load()}), then kept current from the change stream — a change marks its store
 * dirty ({@link #changed}) and a dirty store is read again with one Query
 * ({@link #refreshDirty()}), at most once per {@code debounce}, so an upload of thousands
 * of rows costs a few reads, not thousands. A full read now and then ({@link #load()}
 * again) repairs anything missed.
 *
 * <p>
 * Requests read an immutable {@link InventorySnapshot}; before the first read of the
 * table is done they wait for it (up to {@code startupWait}, then {@link Loading}),
 * because part of the table would answer wrong 404s and totals. The updating methods are
 * called by one thread ({@link InventoryViewUpdater}); they are synchronized so that they
 * never overlap anyway.
 */
class InventoryView {

	private static final Logger log = LoggerFactory.getLogger(InventoryView.class);

	private final InventorySource source;

	private final Supplier<Map<ThresholdRules.Key, Long>> thresholdsSource;

	private final JsonMapper json;

	private final Duration debounce;

	private final Duration startupWait;

	private final Clock clock;

	private final CountDownLatch loaded = new CountDownLatch(1);

	private final Set<String> dirty = ConcurrentHashMap.newKeySet();

	/** When each store was last read: only the updating thread uses it. */
	private final Map<String, Instant> lastRead = new HashMap<>();

	private volatile InventorySnapshot snapshot;

	private Map<ThresholdRules.Key, Long> thresholds;

	private ThresholdRules rules = ThresholdRules.NONE;

	private long version;

	/**
	 * @param source the Inventory table
	 * @param thresholds reads the low-stock thresholds ({@link ThresholdRules} keys)
	 * @param json how the API writes JSON
	 * @param debounce a dirty store is read at most once per this
	 * @param startupWait how long a request waits for the first read
	 * @param clock the time
	 */
	InventoryView(InventorySource source, Supplier<Map<ThresholdRules.Key, Long>> thresholds, JsonMapper json,
			Duration debounce, Duration startupWait, Clock clock) {
		this.source = source;
		this.thresholdsSource = thresholds;
		this.json = json;
		this.debounce = debounce;
		this.startupWait = startupWait;
		this.clock = clock;
		this.snapshot = new InventorySnapshot(0, new TreeMap<>(), json);
	}

	/**
	 * The stores changed (from the change stream; any thread): they are read again soon.
	 */
	void changed(Collection<String> stores) {
		this.dirty.addAll(stores);
	}

	/** Whether the first read of the table is done. */
	boolean loaded() {
		return this.loaded.getCount() == 0;
	}

	/**
	 * @return the view now, once the first read of the table is done
	 * @throws Loading when that read is not done within {@code startupWait}
	 */
	InventorySnapshot snapshot() {
		if (!loaded()) {
			try {
				if (!this.loaded.await(this.startupWait.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new Loading();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new Loading();
			}
		}
		return this.snapshot;
	}

	/**
	 * Reads the thresholds and the whole table (one paginated Scan) and replaces every
	 * store with what it read; stores the table no longer has go. At start and every
	 * {@code rescan}.
	 */
	synchronized void load() {
		Map<ThresholdRules.Key, Long> thresholds = this.thresholdsSource.get();
		this.thresholds = thresholds;
		this.rules = new ThresholdRules(thresholds);
		Map<String, List<TableItem>> table = this.source.scanAll();
		NavigableMap<String, StoreView> current = this.snapshot.stores();
		NavigableMap<String, StoreView> stores = new TreeMap<>();
		boolean changed = !current.keySet().equals(table.keySet());
		for (Map.Entry<String, List<TableItem>> store : table.entrySet()) {
			StoreView before = current.get(store.getKey());
			StoreView after = (before != null) ? before.withRows(store.getValue(), this.rules, this.version + 1)
					: StoreView.of(store.getKey(), this.version + 1, store.getValue(), this.rules, this.json);
			changed |= after != before;
			stores.put(store.getKey(), after);
		}
		if (changed) {
			publish(stores);
		}
		if (!loaded()) {
			log.info("Inventory view loaded: {} stores, {} items", stores.size(),
					stores.values().stream().mapToInt((s) -> s.items().size()).sum());
		}
		this.loaded.countDown();
	}

	/**
	 * Reads again each dirty store that was not read within {@code debounce} (one Query
	 * each). Does nothing before the first {@link #load()}, which reads them anyway; a
	 * store whose read fails stays dirty.
	 * @return how many stores were read
	 */
	synchronized int refreshDirty() {
		if (!loaded() || this.dirty.isEmpty()) {
			return 0;
		}
		Instant now = this.clock.instant();
		int read = 0;
		for (String store : List.copyOf(this.dirty)) {
			Instant last = this.lastRead.get(store);
			if (last != null && now.isBefore(last.plus(this.debounce))) {
				continue;
			}
			// Removed before reading: a change that arrives while it is read marks it
			// again.
			this.dirty.remove(store);
			this.lastRead.put(store, now);
			List<TableItem> rows;
			try {
				rows = this.source.readStore(store);
			}
			catch (RuntimeException ex) {
				this.dirty.add(store);
				throw ex;
			}
			apply(store, rows);
			read++;
		}
		return read;
	}

	/**
	 * Reads the thresholds again and applies them to every store if they changed (counts
	 * are in memory: no table read).
	 */
	synchronized void refreshThresholds() {
		Map<ThresholdRules.Key, Long> thresholds = this.thresholdsSource.get();
		if (thresholds.equals(this.thresholds)) {
			return;
		}
		this.thresholds = thresholds;
		this.rules = new ThresholdRules(thresholds);
		NavigableMap<String, StoreView> stores = new TreeMap<>(this.snapshot.stores());
		boolean changed = false;
		for (Map.Entry<String, StoreView> store : stores.entrySet()) {
			StoreView after = store.getValue().withThresholds(this.rules, this.version + 1);
			changed |= after != store.getValue();
			store.setValue(after);
		}
		if (changed) {
			publish(stores);
		}
	}

	private void apply(String store, List<TableItem> rows) {
		StoreView before = this.snapshot.store(store);
		NavigableMap<String, StoreView> stores = new TreeMap<>(this.snapshot.stores());
		if (rows.isEmpty()) {
			if (before == null) {
				return;
			}
			stores.remove(store);
		}
		else {
			StoreView after = (before != null) ? before.withRows(rows, this.rules, this.version + 1)
					: StoreView.of(store, this.version + 1, rows, this.rules, this.json);
			if (after == before) {
				return;
			}
			stores.put(store, after);
		}
		publish(stores);
	}

	private void publish(NavigableMap<String, StoreView> stores) {
		this.version++;
		this.snapshot = new InventorySnapshot(this.version, stores, this.json);
	}

	/** The first read of the table is not done yet. */
	static final class Loading extends RuntimeException {

		Loading() {
			super("The inventory is still being read; try again in a few seconds");
		}

	}

}
