package com.retail.inventory.loader;

import io.awspring.cloud.kinesis.integration.Checkpointer;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one batch until it is in the table, then checkpoints the shard at its last
 * record. The Kinesis Client Library hands each batch to the consumer once: a batch given
 * up would be checkpointed past by the next one, its rows lost. So a batch that fails is
 * tried again, after a growing pause, on the same shard (which waits: its order matters)
 * until it is loaded or the instance stops — then the shard's next owner reads it again
 * from the last checkpoint.
 */
final class LoadUntilDone {

	private static final Logger log = LoggerFactory.getLogger(LoadUntilDone.class);

	private final Duration firstPause;

	private final Duration maxPause;

	private final Consumer<Duration> pause;

	/**
	 * @param pause waits; throws when the thread is interrupted (the instance stops)
	 */
	LoadUntilDone(Duration firstPause, Duration maxPause, Consumer<Duration> pause) {
		this.firstPause = firstPause;
		this.maxPause = maxPause;
		this.pause = pause;
	}

	/**
	 * @param load loads the batch; throws when it could not
	 * @param checkpointer the shard's checkpointer
	 * @param lastSequence the batch's last sequence number
	 * @return the tries it took
	 */
	int load(Runnable load, Checkpointer checkpointer, String lastSequence, String shard) {
		for (int attempt = 1;; attempt++) {
			try {
				load.run();
				// A refused checkpoint (the lease moved on) loses nothing: the next owner
				// reads from
				// the previous checkpoint, and loading a record twice changes nothing.
				checkpointer.checkpoint(lastSequence);
				return attempt;
			}
			catch (RuntimeException ex) {
				long ceiling = Math.min(this.maxPause.toMillis(), this.firstPause.toMillis() << Math.min(attempt, 16));
				Duration delay = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
				log.error("Batch of shard {} up to {} not loaded (try {}), trying again in {} ms: {}", shard,
						lastSequence, attempt, delay.toMillis(), ex.toString());
				this.pause.accept(delay);
			}
		}
	}

}
