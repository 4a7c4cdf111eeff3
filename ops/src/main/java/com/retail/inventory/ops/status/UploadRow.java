package com.retail.inventory.ops.status;

import com.retail.inventory.contracts.UploadsTable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One upload's tracking item ({@link UploadsTable}); absent attributes are null.
 *
 * @param uploadId the item's key
 * @param key the S3 object key
 * @param status the UploadStatus name
 * @param rowsTotal data rows in the file
 * @param rowsLoaded rows in the Inventory table
 * @param rowsRejected rows rejected by validation
 * @param rowsDeadLettered rows the loader dead-lettered
 * @param stores the stores the file names (at most
 * {@link UploadsTable#MAX_STORES_LISTED})
 * @param receivedAt when ingest saw it
 * @param finishedAt when it reached its final status
 * @param reason why it was rejected or failed
 */
public record UploadRow(String uploadId, String key, String status, Long rowsTotal, Long rowsLoaded, Long rowsRejected,
		Long rowsDeadLettered, List<String> stores, String receivedAt, String finishedAt, String reason) {

	public static UploadRow of(Map<String, AttributeValue> item) {
		AttributeValue stores = item.get(UploadsTable.STORES);
		return new UploadRow(text(item, UploadsTable.UPLOAD_ID), text(item, UploadsTable.KEY),
				text(item, UploadsTable.STATUS), number(item, UploadsTable.ROWS_TOTAL),
				number(item, UploadsTable.ROWS_LOADED), number(item, UploadsTable.ROWS_REJECTED),
				number(item, UploadsTable.ROWS_DEAD_LETTERED),
				(stores != null && stores.hasSs()) ? stores.ss().stream().sorted().toList() : List.of(),
				text(item, UploadsTable.RECEIVED_AT), text(item, UploadsTable.FINISHED_AT),
				text(item, UploadsTable.REASON));
	}

	private static String text(Map<String, AttributeValue> item, String name) {
		AttributeValue value = item.get(name);
		return (value != null) ? value.s() : null;
	}

	private static Long number(Map<String, AttributeValue> item, String name) {
		AttributeValue value = item.get(name);
		return (value != null && value.n() != null) ? new BigDecimal(value.n()).longValue() : null;
	}

}
