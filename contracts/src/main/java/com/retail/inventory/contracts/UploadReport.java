package com.retail.inventory.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The report of one upload, written to the uploads bucket as
 * {@code <reports-prefix><key>.json} so the store reads it with the tool it uploaded
 * with. Schema: {@code schemas/upload-report.schema.json}. Written by ingest when the
 * file has been read, and again with the final status when the upload is done.
 *
 * @param uploadId {@link UploadRef#id()}
 * @param bucket S3 bucket of the upload
 * @param key S3 key of the upload
 * @param status {@link UploadStatus} name
 * @param reason why the upload was rejected or failed; absent otherwise
 * @param rowsTotal data rows in the file (the header not counted)
 * @param rowsAccepted rows that passed validation
 * @param rowsRejected rows that did not (each listed in {@code errors}, up to
 * {@link #MAX_ERRORS})
 * @param rowsLoaded accepted rows in the {@code Inventory} table
 * @param errors the first {@link #MAX_ERRORS} rejected rows
 * @param errorsTruncated whether more rows were rejected than listed
 * @param warnings what was accepted but deserves a look (ignored columns, items listed
 * twice)
 * @param startedAt when processing started (ISO-8601)
 * @param finishedAt when the upload reached its final status (ISO-8601), absent while
 * processing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UploadReport(String uploadId, String bucket, String key, String status, String reason, long rowsTotal,
		long rowsAccepted, long rowsRejected, long rowsLoaded, List<RowError> errors, boolean errorsTruncated,
		List<String> warnings, String startedAt, String finishedAt) {

	/** Most rejected rows a report lists. */
	public static final int MAX_ERRORS = 1_000;

	/**
	 * One rejected row.
	 *
	 * @param line the file line the row ends on (1 is the header)
	 * @param row the 1-based data row (the header not counted)
	 * @param reason why it was rejected
	 * @param text the row as the file has it (values joined as CSV, at most
	 * {@link #MAX_TEXT_CHARS} characters); absent when the row was too long to keep
	 */
	public record RowError(long line, long row, String reason, String text) {
	}

	/** Longest row text an error keeps. */
	public static final int MAX_TEXT_CHARS = 200;

	/**
	 * @param reportsPrefix the reports prefix, e.g. {@code reports/}
	 * @param key the upload's key
	 * @return the key of the upload's JSON report
	 */
	public static String jsonKey(String reportsPrefix, String key) {
		return reportsPrefix + key + ".json";
	}

	/**
	 * @param reportsPrefix the reports prefix, e.g. {@code reports/}
	 * @param key the upload's key
	 * @return the key of the CSV file of the upload's rejected lines
	 */
	public static String rejectedCsvKey(String reportsPrefix, String key) {
		return reportsPrefix + key + ".rejected.csv";
	}

	/**
	 * @return this report with its final status
	 */
	public UploadReport finished(UploadStatus finalStatus, String finalReason, long loaded, String at) {
		return new UploadReport(this.uploadId, this.bucket, this.key, finalStatus.name(), finalReason, this.rowsTotal,
				this.rowsAccepted, this.rowsRejected, loaded, this.errors, this.errorsTruncated, this.warnings,
				this.startedAt, at);
	}

}
