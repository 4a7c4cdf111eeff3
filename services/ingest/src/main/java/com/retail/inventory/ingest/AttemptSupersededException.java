package com.retail.inventory.ingest;

/**
 * Another processing attempt of the same upload started (a duplicate delivery of its
 * notification taken by another instance); that attempt owns the upload now, and this one
 * stops without touching its counts.
 */
class AttemptSupersededException extends RuntimeException {

	AttemptSupersededException(String message, Throwable cause) {
		super(message, cause);
	}

}
