package com.retail.inventory.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Identifies one uploaded version of one S3 object.
 *
 * @param id stable identity of this upload: {@code bucket/key} plus the version id when
 * the notification names one, else the eTag and the event's sequencer (or, without one,
 * its time); the same notification always yields the same id, and uploading the same
 * bytes again is a new upload
 * @param bucket S3 bucket name
 * @param key decoded S3 object key
 * @param versionId S3 version id, absent for unversioned buckets
 * @param eTag S3 entity tag of the object
 * @param sequencer S3 event sequencer (hex); for one key, a larger value is a later
 * change
 * @param eventTime ISO-8601 time of the S3 event
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UploadRef(String id, String bucket, String key, String versionId, String eTag, String sequencer,
		String eventTime) {

	public static UploadRef of(String bucket, String key, String versionId, String eTag, String sequencer,
			String eventTime) {
		String revision;
		if (versionId != null && !versionId.isBlank()) {
			revision = "?versionId=" + versionId;
		}
		else {
			// Without a version id (an unversioned bucket, or an emulator that leaves it
			// out) the eTag alone would make a second upload of the same bytes look like
			// a duplicate of the first.
			String event = (sequencer != null) ? sequencer : eventTime;
			revision = "#" + eTag + ((event != null) ? "@" + event : "");
		}
		return new UploadRef(bucket + "/" + key + revision, bucket, key, versionId, eTag, sequencer, eventTime);
	}

	/**
	 * @param time the upload's time, when the notification did not carry one (e.g. the
	 * object's Last-Modified)
	 * @return this upload with that event time
	 */
	public UploadRef withEventTime(String time) {
		return new UploadRef(this.id, this.bucket, this.key, this.versionId, this.eTag, this.sequencer, time);
	}

}
