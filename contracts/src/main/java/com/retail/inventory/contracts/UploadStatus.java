package com.retail.inventory.contracts;

/**
 * Where an upload is: {@code RECEIVED → PROCESSING →} one of the final statuses.
 */
public enum UploadStatus {

	/** Ingest has the notification; it has not started reading the file. */
	RECEIVED,

	/** Ingest is publishing the file's rows or the loader is loading them. */
	PROCESSING,

	/** Every row of the file is in the {@code Inventory} table. */
	LOADED,

	/**
	 * Every accepted row is in the table, but some rows were rejected (listed in the
	 * report) or dead-lettered by the loader.
	 */
	LOADED_WITH_ERRORS,

	/** Not an inventory file, or none of its rows could be used: nothing was loaded. */
	REJECTED,

	/**
	 * The platform could not process it (S3, Kinesis, DynamoDB failed on every attempt);
	 * the notification is in the dead-letter queue and can be sent again.
	 */
	FAILED;

	/** Whether the upload is done with: its report is final. */
	public boolean isFinal() {
		return this != RECEIVED && this != PROCESSING;
	}

}
