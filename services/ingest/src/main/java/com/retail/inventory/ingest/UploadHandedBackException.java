package com.retail.inventory.ingest;

/**
 * This instance is shutting down and its grace period ran out before the file was done:
 * the notification goes back to the queue at once, for another instance to process.
 */
class UploadHandedBackException extends RuntimeException {

	UploadHandedBackException(String message) {
		super(message);
	}

}
