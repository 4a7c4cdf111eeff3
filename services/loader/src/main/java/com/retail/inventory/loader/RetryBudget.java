package com.retail.inventory.loader;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The time one batch may spend: retries wait with full-jitter exponential backoff and
 * stop at the budget's end, so a failing batch gives up (and is read again later) well
 * inside the shard lock's lease; writes after the fast-write window are conditional.
 */
final class RetryBudget {

	private final Clock clock;

	private final Instant end;

	private final LoaderProperties properties;

	private final Consumer<Duration> pause;

	RetryBudget(LoaderProperties properties, Clock clock, Consumer<Duration> pause) {
		this.clock = clock;
		this.properties = properties;
		this.pause = pause;
		this.end = clock.instant().plus(properties.retryBudget());
	}

	/**
	 * Waits before attempt {@code attempt + 1}.
	 * @param what what is retried, for the exception
	 * @param cause the failure that is retried
	 * @throws BatchRetryExhaustedException when the budget does not allow another attempt
	 */
	void beforeRetry(int attempt, String what, Throwable cause) {
		long bound = Math.min(this.properties.maxBackoff().toMillis(),
				this.properties.baseBackoff().toMillis() << Math.min(attempt - 1, 20));
		Duration delay = Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound + 1));
		if (this.clock.instant().plus(delay).isAfter(this.end)) {
			throw new BatchRetryExhaustedException(
					what + " still failing after " + attempt + " attempts and " + this.properties.retryBudget(), cause);
		}
		this.pause.accept(delay);
	}

	/** Now, for {@link #stale(Instant)}. */
	Instant now() {
		return this.clock.instant();
	}

	/**
	 * Whether versions read at that moment are too old to write on without a condition:
	 * so much time has passed (a stalled instance) that the shard lock may have moved on.
	 */
	boolean stale(Instant readAt) {
		return this.clock.instant().isAfter(readAt.plus(this.properties.fastWriteWindow()));
	}

	/**
	 * A batch that could not be written in its budget: it is read again, nothing is lost.
	 */
	static final class BatchRetryExhaustedException extends RuntimeException {

		BatchRetryExhaustedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
