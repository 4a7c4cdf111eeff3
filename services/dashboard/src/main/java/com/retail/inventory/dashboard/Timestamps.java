package com.retail.inventory.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The one time format of the API: ISO-8601 in UTC with milliseconds, e.g.
 * {@code 2026-12-02T10:15:30.120Z}. The table keeps the S3 event time as S3 wrote it (any
 * precision, sometimes nanoseconds), which people and charts do not need.
 */
final class Timestamps {

	private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Timestamps() {
	}

	/**
	 * @param iso an ISO-8601 instant, or null
	 * @return it with milliseconds, null for null; a value that is not an instant is kept
	 * as it is (shown rather than lost)
	 */
	static String millis(String iso) {
		if (iso == null) {
			return null;
		}
		try {
			return MILLIS.format(Instant.parse(iso));
		}
		catch (DateTimeParseException ex) {
			return iso;
		}
	}

}
