package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.AlertType;
import com.retail.inventory.contracts.StockLevel;

/**
 * One change that moved a store item from one {@link StockLevel} to another.
 *
 * @param store store name
 * @param item item name
 * @param count units now
 * @param threshold the item's low-stock threshold, or null
 * @param before the level before the change
 * @param now the level after it
 * @param version the change's version (the new image's {@code Version}), or null for an
 * item written by something other than the loader
 * @param uploadId the upload the change came from (the new image's {@code UploadId}), or
 * null
 */
record Transition(String store, String item, long count, Long threshold, StockLevel before, StockLevel now,
		String version, String uploadId) {

	/** The alert it calls for, or null (e.g. from low back above the threshold). */
	AlertType alertType() {
		return AlertType.of(this.before, this.now);
	}

	StockAlert alert() {
		return new StockAlert(this.store, this.item, this.count, this.threshold, alertType());
	}

}
