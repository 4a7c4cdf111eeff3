package com.retail.inventory.ops.dlq;

import com.retail.inventory.contracts.EventTime;
import com.retail.inventory.contracts.UploadRef;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The uploads an S3 event notification in the upload-events dead-letter queue announces,
 * with the upload ids ingest gave them: read as ingest's {@code UploadNotifications}
 * reads them (URL-decoded key, the event time in UTC, {@link UploadRef#of}), so that the
 * id finds the upload's item in the uploads table. That class is ingest's own; this
 * module sees only the contracts.
 */
public final class S3Notification {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private S3Notification() {
	}

	/**
	 * The ObjectCreated uploads of the notification; empty for S3's test event.
	 * @throws IllegalArgumentException when the body is not an S3 event notification
	 */
	public static List<UploadRef> uploads(String body) {
		JsonNode notification;
		try {
			notification = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not an S3 event notification");
		}
		if (notification == null || !notification.isObject()) {
			throw new IllegalArgumentException("not an S3 event notification");
		}
		if ("s3:TestEvent".equals(notification.path("Event").asString(null))) {
			return List.of();
		}
		JsonNode records = notification.path("Records");
		if (!records.isArray()) {
			throw new IllegalArgumentException("not an S3 event notification (no Records)");
		}
		List<UploadRef> uploads = new ArrayList<>();
		for (JsonNode record : records) {
			if (!record.path("eventName").asString("").startsWith("ObjectCreated")) {
				continue;
			}
			JsonNode object = record.path("s3").path("object");
			String bucket = record.path("s3").path("bucket").path("name").asString(null);
			String key = object.path("key").asString(null);
			if (bucket == null || key == null) {
				throw new IllegalArgumentException("S3 record without bucket or key");
			}
			Instant time = EventTime.parse(text(record, "eventTime"));
			uploads.add(UploadRef.of(bucket, URLDecoder.decode(key, StandardCharsets.UTF_8), text(object, "versionId"),
					text(object, "eTag"), text(object, "sequencer"), (time != null) ? time.toString() : null));
		}
		return uploads;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() && !value.asString().isEmpty() ? value.asString() : null;
	}

}
