package com.retail.inventory.ingest;

/**
 * Kinesis did not take every record of a file: an infrastructure failure. The
 * notification is not acknowledged, so the file is processed again later (its records are
 * versioned, so publishing some of them twice is harmless) and, after the queue's
 * maxReceiveCount, lands in the dead-letter queue.
 */
class RecordPublicationException extends RuntimeException {

	RecordPublicationException(String message, Throwable cause) {
		super(message, cause);
	}

}
