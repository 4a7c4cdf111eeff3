package com.retail.inventory.contracts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the event time of an S3 notification ({@link UploadRef#eventTime()}): ISO-8601,
 * e.g. {@code 2026-11-21T10:15:30.123Z}. S3 writes UTC; a time without an offset (as some
 * S3-compatible stores write it) is read as UTC too.
 */
public final class EventTime {

	private EventTime() {
	}

	/**
	 * @return the instant, or null when the text is absent or not a time
	 */
	public static Instant parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(text.trim());
		}
		catch (DateTimeParseException withoutOffset) {
			try {
				return LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notATime) {
				return null;
			}
		}
	}

}
