package com.retail.inventory.dashboard;

/**
 * One store, as {@code GET /api/stores/{store}} shows it: its summary and its latest
 * upload.
 *
 * @param store store name
 * @param items how many items the store has
 * @param outOfStock how many of them are at 0
 * @param lowStock how many are in stock but below their low-stock threshold
 * @param units units in stock, all items together
 * @param updatedAt the latest update of its items, or null
 * @param lastUpload the newest upload naming the store, or null
 */
public record StoreDetail(String store, int items, int outOfStock, int lowStock, long units, String updatedAt,
		LastUpload lastUpload) {

	static StoreDetail of(StoreSummary summary, LastUpload lastUpload) {
		return new StoreDetail(summary.store(), summary.items(), summary.outOfStock(), summary.lowStock(),
				summary.units(), summary.updatedAt(), lastUpload);
	}

	/**
	 * @param id the upload's id for URLs ({@link UploadIds#encode})
	 * @param key its S3 key
	 * @param status an {@link com.retail.inventory.contracts.UploadStatus} name
	 * @param receivedAt when ingest first saw it (ISO-8601)
	 * @param finishedAt when it reached its final status (ISO-8601), null before
	 */
	public record LastUpload(String id, String key, String status, String receivedAt, String finishedAt) {

		static LastUpload of(UploadSummary upload) {
			return new LastUpload(upload.id(), upload.key(), upload.status(), upload.receivedAt(), upload.finishedAt());
		}

	}

}
