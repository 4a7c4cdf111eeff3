package com.retail.inventory.ingest;

/**
 * An upload could not be processed for a reason other than its content (S3, Kinesis, a
 * timeout): the notification is not acknowledged, so it is delivered again.
 */
class UploadFailedException extends RuntimeException {

	UploadFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
