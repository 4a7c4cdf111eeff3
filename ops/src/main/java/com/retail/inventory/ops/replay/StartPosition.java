package com.retail.inventory.ops.replay;

import com.retail.inventory.contracts.LeaseTableAttributes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Where a replay restarts a group: the oldest record every shard still has, or the first
 * record that arrived at or after a time.
 *
 * @param timestamp the time, null for TRIM_HORIZON
 */
public record StartPosition(Instant timestamp) {

	public static final StartPosition TRIM_HORIZON = new StartPosition(null);

	/**
	 * @param text {@code TRIM_HORIZON} or an ISO-8601 time with offset
	 * ({@code 2026-12-03T06:00:00Z}, {@code 2026-12-03T07:00:00+01:00})
	 * @throws IllegalArgumentException for anything else
	 */
	public static StartPosition parse(String text) {
		if (LeaseTableAttributes.TRIM_HORIZON.equalsIgnoreCase(text.trim())) {
			return TRIM_HORIZON;
		}
		try {
			return new StartPosition(OffsetDateTime.parse(text.trim()).toInstant());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("--from must be TRIM_HORIZON or an ISO-8601 time with offset, e.g. "
					+ "2026-12-03T06:00:00Z (got '" + text + "')");
		}
	}

	public boolean trimHorizon() {
		return this.timestamp == null;
	}

	@Override
	public String toString() {
		return trimHorizon() ? LeaseTableAttributes.TRIM_HORIZON : this.timestamp.toString();
	}

}
