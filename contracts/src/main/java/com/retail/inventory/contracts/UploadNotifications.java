package com.retail.inventory.contracts;

import java.time.Instant;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the uploads an S3 event notification announces: how ingest reads the upload
 * events, and how {@code kubectl inventory dlq} names the uploads of a dead-lettered one
 * (the same {@link UploadRef#id()} finds the upload's item in the uploads table).
 *
 * <p>
 * Read as a JSON tree rather than with the SDK's {@code S3EventNotification}: that class
 * rejects the whole notification when {@code eventTime} lacks a zone offset, and the time
 * is only carried through, never interpreted, here.
 */
public final class UploadNotifications {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private UploadNotifications() {
	}

	/**
	 * Every ObjectCreated record of the notification, in order (one notification may
	 * announce several uploads). S3's {@code s3:TestEvent}, sent when notifications are
	 * configured, has no records and yields an empty list. Keys are URL-decoded
	 * ({@code incoming%2Fa+b.csv} is {@code incoming/a b.csv}).
	 * @throws IllegalArgumentException when the body is not an S3 event notification at
	 * all
	 */
	public static List<UploadRef> uploads(String body) {
		JsonNode notification;
		try {
			notification = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Not an S3 event notification: " + abbreviate(body), ex);
		}
		if (notification == null || !notification.isObject()) {
			throw new IllegalArgumentException("Not an S3 event notification: " + abbreviate(body));
		}
		if ("s3:TestEvent".equals(notification.path("Event").asString(null))) {
			return List.of();
		}
		JsonNode records = notification.path("Records");
		if (!records.isArray()) {
			throw new IllegalArgumentException("Not an S3 event notification (no Records): " + abbreviate(body));
		}
		List<UploadRef> uploads = new ArrayList<>();
		for (JsonNode record : records) {
			if (record.path("eventName").asString("").startsWith("ObjectCreated")) {
				uploads.add(upload(record, body));
			}
		}
		return uploads;
	}

	private static UploadRef upload(JsonNode record, String body) {
		JsonNode object = record.path("s3").path("object");
		String bucket = record.path("s3").path("bucket").path("name").asString(null);
		String rawKey = object.path("key").asString(null);
		if (bucket == null || rawKey == null) {
			throw new IllegalArgumentException("S3 record without bucket or key: " + abbreviate(body));
		}
		return UploadRef.of(bucket, URLDecoder.decode(rawKey, StandardCharsets.UTF_8), text(object, "versionId"),
				text(object, "eTag"), text(object, "sequencer"), eventTime(text(record, "eventTime")));
	}

	/**
	 * The event time in one form, ISO-8601 in UTC with its {@code Z} (some S3-compatible
	 * stores leave the offset out); null when absent or not a time, so the object's own
	 * time is used instead.
	 */
	private static String eventTime(String text) {
		Instant time = EventTime.parse(text);
		return (time != null) ? time.toString() : null;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() && !value.asString().isEmpty() ? value.asString() : null;
	}

	private static String abbreviate(String body) {
		return body.length() <= 200 ? body : body.substring(0, 200) + "...";
	}

}
