package com.retail.inventory.ingest;

import com.retail.inventory.contracts.UploadRef;

/**
 * The announced upload can no longer be read: its object was deleted or expired, or (in a
 * bucket without versioning) overwritten by a newer upload, which has a notification of
 * its own. Retrying cannot bring it back; the notification is done with.
 */
class UploadSupersededException extends RuntimeException {

	UploadSupersededException(UploadRef upload, String why, Throwable cause) {
		super("Upload " + upload.id() + " cannot be read: " + why, cause);
	}

}
