package com.retail.inventory.ingest;

import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * The grace period of a file in progress when the instance is told to stop (SIGTERM, a
 * rolling update): it may still finish within {@link IngestProperties#shutdownGrace()};
 * after that, {@link #expired()} says to hand it back to the queue at once rather than be
 * killed midway and leave the notification invisible until its timeout.
 */
@Component
class ShutdownGrace implements ApplicationListener<ContextClosedEvent> {

	private final IngestProperties properties;

	private final Clock clock;

	private volatile Instant deadline;

	@Autowired
	ShutdownGrace(IngestProperties properties) {
		this(properties, Clock.systemUTC());
	}

	ShutdownGrace(IngestProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Closing the context is the first step of a graceful shutdown, before listeners
	 * stop.
	 */
	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (this.deadline == null) {
			this.deadline = this.clock.instant().plus(this.properties.shutdownGrace());
		}
	}

	/** Whether a file still in progress must be handed back now. */
	boolean expired() {
		Instant end = this.deadline;
		return end != null && !this.clock.instant().isBefore(end);
	}

}
