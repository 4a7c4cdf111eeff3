package com.retail.inventory.dashboard;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Runs every update of the {@link InventoryView} on one background thread: the first read
 * of the table once the application is up (retried until it works), dirty stores every
 * {@value #DIRTY_CHECK_MILLIS} ms, the thresholds every {@code thresholdsRefresh} and at
 * once after a change through this dashboard, the whole table every {@code rescan}.
 */
class InventoryViewUpdater implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(InventoryViewUpdater.class);

	/**
	 * How often dirty stores are looked at (each is still read at most once per
	 * debounce).
	 */
	static final long DIRTY_CHECK_MILLIS = 100;

	private static final Duration RETRY = Duration.ofSeconds(5);

	private static final Duration FIRST_RESCAN = Duration.ofMinutes(1);

	private final InventoryView view;

	private final DashboardProperties.View settings;

	private final AtomicBoolean started = new AtomicBoolean();

	private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "inventory-view");
		thread.setDaemon(true);
		return thread;
	});

	InventoryViewUpdater(InventoryView view, DashboardProperties.View settings) {
		this.view = view;
		this.settings = settings;
	}

	/**
	 * After startup, so that the application starts (and answers health probes) at once.
	 * Once: a child context (the binder's) may publish its own ready event, which reaches
	 * this context too.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.started.compareAndSet(false, true)) {
			return;
		}
		this.thread.execute(this::firstLoad);
		this.thread.scheduleWithFixedDelay(() -> quietly("read changed stores", this.view::refreshDirty),
				DIRTY_CHECK_MILLIS, DIRTY_CHECK_MILLIS, TimeUnit.MILLISECONDS);
		long thresholds = this.settings.thresholdsRefresh().toMillis();
		this.thread.scheduleWithFixedDelay(() -> quietly("read the thresholds", this.view::refreshThresholds),
				thresholds, thresholds, TimeUnit.MILLISECONDS);
		long rescan = this.settings.rescan().toMillis();
		// The first reconciliation soon: the consumer gets its LATEST shard iterators
		// while the first read runs, so a write in between could have neither a record
		// nor a place in that read.
		long first = Math.min(rescan, FIRST_RESCAN.toMillis());
		this.thread.scheduleWithFixedDelay(() -> quietly("read the whole table", this.view::load), first, rescan,
				TimeUnit.MILLISECONDS);
	}

	@EventListener
	void thresholdsChanged(ThresholdsChanged event) {
		this.thread.execute(() -> quietly("read the thresholds", this.view::refreshThresholds));
	}

	private void firstLoad() {
		try {
			this.view.load();
		}
		catch (RuntimeException ex) {
			log.warn("Could not read the inventory (retrying in {}s): {}", RETRY.toSeconds(), ex.toString());
			this.thread.schedule(this::firstLoad, RETRY.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/** A failure is logged and the task runs again at its next turn. */
	private void quietly(String what, Runnable task) {
		if (!this.view.loaded()) {
			return;
		}
		try {
			task.run();
		}
		catch (RuntimeException ex) {
			log.warn("Inventory view: could not {}: {}", what, ex.toString());
		}
	}

	@Override
	public void destroy() {
		this.thread.shutdownNow();
	}

}
