package com.retail.inventory.contracts;

import io.awspring.cloud.kinesis.integration.Checkpointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.kinesis.exceptions.KinesisClientLibDependencyException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/**
 * The Kinesis Client Library's checkpointer behind the binder's {@link Checkpointer}
 * (what a consumer gets in header {@code KinesisHeaders.CHECKPOINTER} in the binder's KCL
 * mode with {@code checkpoint-mode: manual}). A checkpoint KCL refuses is not an error
 * the consumer can act on: the lease moved to another instance (which reads again from
 * the last checkpoint: records are handled twice, never lost) or DynamoDB refused the
 * write (a later checkpoint covers these records). Either way the answer is
 * {@code false}.
 */
public final class KclCheckpointer implements Checkpointer {

	private static final Logger log = LoggerFactory.getLogger(KclCheckpointer.class);

	/** Throttled checkpoint writes are tried this often before giving up. */
	private static final int ATTEMPTS = 3;

	private final RecordProcessorCheckpointer checkpointer;

	private final String shard;

	private KclCheckpointer(RecordProcessorCheckpointer checkpointer, String shard) {
		this.checkpointer = checkpointer;
		this.shard = shard;
	}

	/**
	 * @param header the header {@code KinesisHeaders.CHECKPOINTER} of a KCL-mode message
	 * @param shard the shard, for the log
	 * @throws IllegalStateException when the binding does not run in KCL mode with manual
	 * checkpoints (nothing could be checkpointed: records would be read again forever)
	 */
	public static KclCheckpointer of(Object header, String shard) {
		if (header instanceof RecordProcessorCheckpointer kcl) {
			return new KclCheckpointer(kcl, shard);
		}
		throw new IllegalStateException("No KCL checkpointer in the message (got " + header
				+ "): the binding must use the binder's KCL mode (kpl-kcl-enabled) with checkpoint-mode manual");
	}

	@Override
	public boolean checkpoint() {
		return attempt(null);
	}

	@Override
	public boolean checkpoint(String sequenceNumber) {
		return attempt(sequenceNumber);
	}

	private boolean attempt(String sequenceNumber) {
		for (int attempt = 1;; attempt++) {
			try {
				if (sequenceNumber == null) {
					this.checkpointer.checkpoint();
				}
				else {
					this.checkpointer.checkpoint(sequenceNumber);
				}
				return true;
			}
			catch (ShutdownException ex) {
				log.info("Shard {}: not checkpointed at {}, the lease moved to another instance", this.shard,
						sequenceNumber);
				return false;
			}
			catch (ThrottlingException | KinesisClientLibDependencyException ex) {
				if (attempt >= ATTEMPTS) {
					log.warn("Shard {}: checkpoint at {} failed {} times, a later one covers these records: {}",
							this.shard, sequenceNumber, attempt, ex.toString());
					return false;
				}
				pause(100L << attempt);
			}
			catch (Exception ex) {
				log.warn("Shard {}: checkpoint at {} refused: {}", this.shard, sequenceNumber, ex.toString());
				return false;
			}
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
