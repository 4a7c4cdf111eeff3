package com.retail.inventory.ingest;

import io.awspring.cloud.sqs.listener.Visibility;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keeps a notification invisible to other instances while its file is processed: every
 * third of the visibility timeout, the message's visibility is extended by the whole
 * timeout. One file, one owner, however long the file takes; if this instance dies, the
 * heartbeat stops and the message becomes visible again within one timeout.
 */
@Component
class VisibilityHeartbeat implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(VisibilityHeartbeat.class);

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "sqs-visibility-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	private final Duration timeout;

	VisibilityHeartbeat(IngestProperties properties) {
		this.timeout = properties.visibilityTimeout();
	}

	/**
	 * Starts extending the message's visibility until the returned handle is closed.
	 */
	Beat start(Visibility visibility, String what) {
		long period = Math.max(1, this.timeout.toMillis() / 3);
		int seconds = (int) Math.min(Visibility.MAX_VISIBILITY_TIMEOUT_SECONDS, this.timeout.toSeconds());
		ScheduledFuture<?> beat = this.scheduler
			.scheduleAtFixedRate(() -> visibility.changeToAsync(seconds).exceptionally((ex) -> {
				log.warn("Could not extend the visibility of {}: {}", what, ex.toString());
				return null;
			}), period, period, TimeUnit.MILLISECONDS);
		return () -> beat.cancel(false);
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

	/** A running heartbeat; closing it stops it. */
	interface Beat extends AutoCloseable {

		@Override
		void close();

	}

}
