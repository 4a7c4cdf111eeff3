package com.retail.inventory.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One CSV row of an uploaded inventory file, as published on the
 * {@code inventory-records} stream. Schema: {@code schemas/inventory-record.schema.json}.
 *
 * <p>
 * Besides the row itself it carries what consumers need for idempotency and ordering:
 * which upload the row came from ({@link UploadRef}) and its position in that file.
 * Consumers must ignore unknown fields so the producer can add fields without a breaking
 * change.
 *
 * @param schemaVersion contract version; incremented only on breaking changes
 * @param store store name (first CSV column)
 * @param item item name (second CSV column)
 * @param count units in stock, never negative
 * @param upload the uploaded object this row came from
 * @param rowNumber 1-based data row number in the file (the header is not counted)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InventoryRecordEvent(int schemaVersion, String store, String item, long count, UploadRef upload,
		long rowNumber, Integer attempt) {

	public static final int SCHEMA_VERSION = 1;

	/** Longest partition key Kinesis accepts (Unicode characters). */
	public static final int MAX_PARTITION_KEY_CHARS = 256;

	public static InventoryRecordEvent of(String store, String item, long count, UploadRef upload, long rowNumber) {
		return new InventoryRecordEvent(SCHEMA_VERSION, store, item, count, upload, rowNumber, null);
	}

	/**
	 * @return this record as published by the given processing attempt of its upload
	 */
	public InventoryRecordEvent withAttempt(int number) {
		return new InventoryRecordEvent(this.schemaVersion, this.store, this.item, this.count, this.upload,
				this.rowNumber, number);
	}

	/**
	 * Kinesis partition key: all events of one store item land on one shard (at most
	 * {@link #MAX_PARTITION_KEY_CHARS} characters, which ingest's limits on store and
	 * item names guarantee).
	 */
	public String partitionKey() {
		return this.store + "/" + this.item;
	}

	/**
	 * @return this record's {@link RecordVersion}: a record only replaces a stored item
	 * of an older version
	 */
	public String version() {
		return RecordVersion.of(this.upload, this.rowNumber);
	}

}
