package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.LogFields;
import io.awspring.cloud.kinesis.integration.Checkpointer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * Collects each shard's change records for a short window before the alerts are sent, so
 * the changes of one upload, which reach stock-alert over a few polls, make one digest
 * rather than a digest and stragglers. A shard's checkpoint moves only after its
 * collected records have been handled: a crash loses nothing (the records are read again
 * from the checkpoint, and the alert state keeps what was sent from being sent again).
 */
class DigestWindow {

	private static final Logger log = LoggerFactory.getLogger(DigestWindow.class);

	/**
	 * Backoff after a failure to send: doubles per failure, with jitter, up to the max.
	 */
	static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

	static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final Consumer<List<Record>> handler;

	private final Duration window;

	private final int maxRecords;

	private final Clock clock;

	private final Map<String, Collected> shards = new HashMap<>();

	/**
	 * @param handler sends the alerts of the records collected (a
	 * {@link StockAlertSender})
	 * @param window how long records are collected, from the first one: no alert waits
	 * longer (plus one poll)
	 * @param maxRecords records collected per shard at most; more are handled at once
	 */
	DigestWindow(Consumer<List<Record>> handler, Duration window, int maxRecords, Clock clock) {
		this.handler = handler;
		this.window = window;
		this.maxRecords = maxRecords;
		this.clock = clock;
	}

	/** What one shard has collected, and how to checkpoint it. */
	private static final class Collected {

		final List<Record> records = new ArrayList<>();

		final Instant since;

		Checkpointer checkpointer;

		/** Failed attempts at handling them so far. */
		int failures;

		/** Not tried again before this, after a failure. */
		Instant retryAt = Instant.MIN;

		Collected(Instant since) {
			this.since = since;
		}

	}

	/**
	 * Collects one batch of a shard; handles what the shard has collected when the window
	 * is over or the collection is full.
	 */
	synchronized void accept(String shard, List<Record> batch, Checkpointer checkpointer) {
		if (batch.isEmpty()) {
			return;
		}
		Collected collected = this.shards.computeIfAbsent(shard, (s) -> new Collected(this.clock.instant()));
		collected.records.addAll(batch);
		collected.checkpointer = checkpointer;
		if (collected.records.size() >= this.maxRecords) {
			// Handled now, on the consumer's thread, until it succeeds: KCL hands each
			// batch over once, so records given up here would be checkpointed past by
			// the next batch. Meanwhile the shard is not read further.
			try (LogFields.Scope fields = LogFields.scope().with(LogFields.SHARD, shard)) {
				handleUntilDone(shard, collected);
			}
		}
	}

	private void handleUntilDone(String shard, Collected collected) {
		while (this.shards.get(shard) == collected) {
			Instant now = this.clock.instant();
			flush(shard, collected, now);
			if (this.shards.get(shard) == collected) {
				// After the backoff flush set. The timer may handle them meanwhile (the
				// monitor is released while waiting): the loop ends then.
				pauseUntil(collected.retryAt, now);
			}
		}
	}

	/** Waits, releasing the monitor; throws when the instance stops (interrupted). */
	private void pauseUntil(Instant until, Instant now) {
		try {
			wait(Math.max(1, until.toEpochMilli() - now.toEpochMilli()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Stopped while the alerts of a shard could not be sent", ex);
		}
	}

	/**
	 * Handles every shard whose window is over (called on a timer: a shard with no new
	 * records is not polled into the consumer).
	 */
	synchronized void flushDue() {
		Instant now = this.clock.instant();
		for (Map.Entry<String, Collected> entry : new ArrayList<>(this.shards.entrySet())) {
			Collected collected = entry.getValue();
			if (!now.isBefore(collected.since.plus(this.window)) && !now.isBefore(collected.retryAt)) {
				// Every line about these records, and the failure, names their shard.
				try (LogFields.Scope fields = LogFields.scope().with(LogFields.SHARD, entry.getKey())) {
					flush(entry.getKey(), collected, now);
				}
			}
		}
	}

	/**
	 * Handles everything collected now, once, whatever its window (the instance stops:
	 * its alerts are sent now rather than after the shard's lease has moved). What fails
	 * is read again by the shard's next owner.
	 */
	synchronized void flushAll() {
		Instant now = this.clock.instant();
		for (Map.Entry<String, Collected> entry : new ArrayList<>(this.shards.entrySet())) {
			try (LogFields.Scope fields = LogFields.scope().with(LogFields.SHARD, entry.getKey())) {
				flush(entry.getKey(), entry.getValue(), now);
			}
		}
	}

	/** Handles what one shard collected; after a failure, keeps it for a later try. */
	private void flush(String shard, Collected collected, Instant now) {
		try {
			handle(shard, collected);
		}
		catch (RuntimeException ex) {
			// Kept, and tried again after a jittered exponential backoff (or read again
			// after a restart).
			collected.failures++;
			long ceiling = Math.min(MAX_BACKOFF.toMillis(),
					FIRST_BACKOFF.toMillis() << Math.min(collected.failures, 16));
			collected.retryAt = now.plusMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
			String message = "Could not send the alerts of shard {} yet ({} records, attempt {}; next in {} ms): {}";
			Object[] arguments = { shard, collected.records.size(), collected.failures,
					collected.retryAt.toEpochMilli() - now.toEpochMilli(),
					(ex instanceof SentElsewhereException) ? ex.getMessage() : ex.toString() };
			if (ex instanceof SentElsewhereException) {
				// Expected while a shard moves between replicas: not an error.
				log.info(message, arguments);
			}
			else {
				log.error(message, arguments);
			}
		}
	}

	private void handle(String shard, Collected collected) {
		this.handler.accept(collected.records);
		String last = collected.records.get(collected.records.size() - 1).sequenceNumber();
		this.shards.remove(shard);
		if (!collected.checkpointer.checkpoint(last)) {
			log.warn("Shard {}: checkpoint at {} refused (the shard may have moved to another instance)", shard, last);
		}
	}

}
