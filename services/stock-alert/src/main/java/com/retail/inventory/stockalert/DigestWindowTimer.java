package com.retail.inventory.stockalert;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Hands the digest window's collected records over when their window is over (a shard
 * with no new records is not polled into the consumer), and everything it still holds
 * when the instance stops.
 */
class DigestWindowTimer implements AutoCloseable {

	/** How long a stop waits for alerts being sent right now. */
	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

	private final DigestWindow window;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "digest-window");
		thread.setDaemon(true);
		return thread;
	});

	DigestWindowTimer(DigestWindow window, Duration every) {
		this.window = window;
		this.timer.scheduleWithFixedDelay(window::flushDue, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Lets alerts being sent finish rather than interrupting them (an alert published but
	 * not yet marked sent would be sent again by the shard's next owner), then sends what
	 * is still collected.
	 */
	@Override
	public void close() throws InterruptedException {
		this.timer.shutdown();
		if (this.timer.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
			this.window.flushAll();
		}
		else {
			this.timer.shutdownNow();
		}
	}

}
