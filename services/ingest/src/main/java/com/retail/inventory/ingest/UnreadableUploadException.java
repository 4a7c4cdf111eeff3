package com.retail.inventory.ingest;

/** The uploaded object is not an inventory file; retrying cannot help. */
class UnreadableUploadException extends RuntimeException {

	UnreadableUploadException(String message) {
		super(message);
	}

	UnreadableUploadException(String message, Throwable cause) {
		super(message, cause);
	}

}
