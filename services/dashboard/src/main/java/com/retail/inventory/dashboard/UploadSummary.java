package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.UploadStatus;
import com.retail.inventory.contracts.UploadsTable;
import java.util.List;

/**
 * One upload as its tracking item ({@link UploadsTable}) has it. Numbers and times are
 * null while the item does not have them (an upload that is only {@code RECEIVED} has
 * few).
 *
 * @param id {@link #uploadId} for URLs ({@link UploadIds#encode})
 * @param uploadId the tracking item's key
 * @param bucket S3 bucket of the upload
 * @param key S3 key of the upload
 * @param status an {@link UploadStatus} name
 * @param reason why it was rejected or failed, or what went wrong with some rows
 * @param stores the stores its accepted rows name, by name (at most
 * {@link UploadsTable#MAX_STORES_LISTED})
 * @param storeCount how many different stores its accepted rows name
 * @param rowsTotal data rows in the file
 * @param rowsAccepted rows that passed validation (once ingest has published them all)
 * @param rowsRejected rows rejected by validation
 * @param rowsLoaded accepted rows in the Inventory table
 * @param rowsDeadLettered accepted rows the table refused
 * @param warnings how many warnings the report lists
 * @param receivedAt when ingest first saw it (ISO-8601)
 * @param startedAt when the current attempt started (ISO-8601)
 * @param finishedAt when it reached its final status (ISO-8601)
 * @param reportKey S3 key of its JSON report in the uploads bucket
 */
public record UploadSummary(String id, String uploadId, String bucket, String key, String status, String reason,
		List<String> stores, Long storeCount, Long rowsTotal, Long rowsAccepted, Long rowsRejected, Long rowsLoaded,
		Long rowsDeadLettered, Long warnings, String receivedAt, String startedAt, String finishedAt,
		String reportKey) {

	public UploadSummary {
		stores = (stores == null) ? List.of() : List.copyOf(stores);
	}

}
