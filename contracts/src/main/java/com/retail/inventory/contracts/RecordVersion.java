package com.retail.inventory.contracts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The version of an inventory record, stored with the item as
 * {@link InventoryTable#VERSION}: the newest upload wins, whatever order records arrive
 * in. Ordered by the S3 event time of the upload, then its S3 sequencer (which orders two
 * changes of the same key within one millisecond), then the row number (a later row of
 * one file wins).
 *
 * <p>
 * A fixed-width string, so that comparing two versions as strings (as a DynamoDB
 * condition {@code Version < :v} does) compares them in that order:
 * {@code 2026-11-21T10:15:30.123000Z|000000000000000055AED6DCD90281E5|000000000003}.
 */
public final class RecordVersion {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	/**
	 * Sorts below every real event time: an upload without one loses to any upload with
	 * one.
	 */
	private static final String NO_TIME = "0000-00-00T00:00:00.000000Z";

	private static final int SEQUENCER_WIDTH = 32;

	private static final int ROW_WIDTH = 12;

	private RecordVersion() {
	}

	/**
	 * @param upload the upload the record came from
	 * @param rowNumber the record's row in that upload's file
	 * @return the record's version
	 */
	public static String of(UploadRef upload, long rowNumber) {
		return eventTime(upload.eventTime()) + "|" + sequencer(upload.sequencer()) + "|"
				+ pad(Long.toString(Math.max(0, rowNumber)), ROW_WIDTH);
	}

	/**
	 * @param eventTime an ISO-8601 instant, e.g. S3's {@code 2026-11-21T10:15:30.123Z}
	 * @return the instant in one fixed-width UTC form, or a time before all others when
	 * absent or not a time
	 */
	static String eventTime(String eventTime) {
		Instant time = EventTime.parse(eventTime);
		return (time != null) ? TIME.format(time) : NO_TIME;
	}

	/**
	 * S3 sequencers are hex numbers of varying length: left-padded, they compare as
	 * numbers.
	 */
	static String sequencer(String sequencer) {
		if (sequencer == null || !sequencer.matches("[0-9A-Fa-f]{1," + SEQUENCER_WIDTH + "}")) {
			return "0".repeat(SEQUENCER_WIDTH);
		}
		return pad(sequencer.toUpperCase(Locale.ROOT), SEQUENCER_WIDTH);
	}

	private static String pad(String value, int width) {
		return "0".repeat(Math.max(0, width - value.length())) + value;
	}

}
