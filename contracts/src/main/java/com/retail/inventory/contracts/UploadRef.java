package com.retail.inventory.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Identifies one uploaded version of one S3 object.
 *
 * @param id stable identity of this upload: {@code bucket/key} plus the version id when
 * the bucket is versioned, else the eTag; the same object version always yields the same
 * id
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
		String revision = (versionId != null && !versionId.isBlank()) ? "?versionId=" + versionId : "#" + eTag;
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
