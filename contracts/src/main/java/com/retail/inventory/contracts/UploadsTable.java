package com.retail.inventory.contracts;

/**
 * The item schema of the upload tracking table
 * ({@code inventory.resources.uploads-table}): one item per upload
 * ({@link UploadRef#id()}), written by ingest (receipt, the file's counts) and the loader
 * (rows loaded, the final status), read by the dashboard.
 *
 * <p>
 * How the loader counts without counting twice: each processing of a file is an
 * {@link #ATTEMPT}; ingest starts one by resetting the counters, and every record it
 * publishes carries the attempt's number. The loader adds a shard's records to the
 * counters only for the current attempt and only beyond the last Kinesis sequence number
 * it counted for that shard ({@link #LOADED_THROUGH}), so a replayed batch or a record of
 * an abandoned attempt adds nothing.
 */
public final class UploadsTable {

	/** Hash key (S): {@link UploadRef#id()}. */
	public static final String UPLOAD_ID = "UploadId";

	/** S3 bucket (S). */
	public static final String BUCKET = "Bucket";

	/** Decoded S3 object key (S). */
	public static final String KEY = "Key";

	/** S3 version id (S), when the notification named one. */
	public static final String VERSION_ID = "VersionId";

	/** S3 entity tag (S). */
	public static final String E_TAG = "ETag";

	/** {@link UploadStatus} name (S). */
	public static final String STATUS = "Status";

	/** Why the upload was REJECTED or FAILED, or what went wrong with some rows (S). */
	public static final String REASON = "Reason";

	/**
	 * The stores the file's accepted rows name (SS), at most {@link #MAX_STORES_LISTED}.
	 */
	public static final String STORES = "Stores";

	/** How many different stores the file's accepted rows name (N). */
	public static final String STORE_COUNT = "StoreCount";

	/** Data rows in the file (N), the header not counted. */
	public static final String ROWS_TOTAL = "RowsTotal";

	/**
	 * Rows that passed validation (N). Present only once ingest has published them all:
	 * the upload can only be complete after that.
	 */
	public static final String ROWS_ACCEPTED = "RowsAccepted";

	/** Rows rejected by validation (N). */
	public static final String ROWS_REJECTED = "RowsRejected";

	/**
	 * Accepted rows of the current attempt that are in the {@code Inventory} table (N):
	 * written, or skipped because the table already held that row or a newer one.
	 */
	public static final String ROWS_LOADED = "RowsLoaded";

	/**
	 * Accepted rows of the current attempt the table refused, now in the records
	 * dead-letter queue (N).
	 */
	public static final String ROWS_DEAD_LETTERED = "RowsDeadLettered";

	/** Warnings about accepted content (N), listed in the report. */
	public static final String WARNINGS = "Warnings";

	/** When ingest first saw the notification (S, ISO-8601). */
	public static final String RECEIVED_AT = "ReceivedAt";

	/**
	 * The UTC day of {@link #RECEIVED_AT} (S, {@code yyyy-MM-dd}): hash key of
	 * {@link #BY_DAY_INDEX}.
	 */
	public static final String RECEIVED_DAY = "ReceivedDay";

	/** When the current attempt started (S, ISO-8601). */
	public static final String STARTED_AT = "StartedAt";

	/** When the upload reached its final status (S, ISO-8601). */
	public static final String FINISHED_AT = "FinishedAt";

	/** The current processing attempt (N), starting at 1. */
	public static final String ATTEMPT = "Attempt";

	/**
	 * Per shard of {@code inventory-records}, the last sequence number counted for the
	 * current attempt (M of S, numbers left-padded to {@link #SEQUENCE_WIDTH} digits so
	 * they compare as strings).
	 */
	public static final String LOADED_THROUGH = "LoadedThrough";

	/** S3 key of the upload's JSON report (S). */
	public static final String REPORT_KEY = "ReportKey";

	/** Time-to-live attribute (N, epoch seconds): DynamoDB deletes the item after it. */
	public static final String EXPIRES_AT = "ExpiresAt";

	/**
	 * Global secondary index: hash key {@link #RECEIVED_DAY}, range key
	 * {@link #RECEIVED_AT}, all attributes; lists uploads newest first, day by day.
	 */
	public static final String BY_DAY_INDEX = "ByDay";

	/** How many store names {@link #STORES} keeps. */
	public static final int MAX_STORES_LISTED = 100;

	/** Kinesis sequence numbers have at most 129 digits. */
	public static final int SEQUENCE_WIDTH = 129;

	private UploadsTable() {
	}

	/**
	 * @param sequenceNumber a Kinesis sequence number
	 * @return it left-padded with zeros to {@link #SEQUENCE_WIDTH} digits, so numbers
	 * compare as strings (as DynamoDB compares them)
	 */
	public static String comparableSequence(String sequenceNumber) {
		if (!sequenceNumber.chars().allMatch((c) -> c >= '0' && c <= '9') || sequenceNumber.length() > SEQUENCE_WIDTH) {
			throw new IllegalArgumentException("not a Kinesis sequence number: " + sequenceNumber);
		}
		return "0".repeat(SEQUENCE_WIDTH - sequenceNumber.length()) + sequenceNumber;
	}

}
