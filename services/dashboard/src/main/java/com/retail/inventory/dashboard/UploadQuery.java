package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.UploadStatus;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the upload list asks for: the same rules for the API and the page.
 *
 * @param store only uploads naming this store, or null for all
 * @param status only uploads with this status, or null for all
 * @param limit at most this many uploads, newest first
 */
record UploadQuery(String store, UploadStatus status, int limit) {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 200;

	/** Longer than any store name (which is also an S3 key segment). */
	static final int MAX_STORE_CHARS = 256;

	/**
	 * @param store a store name; blank for all
	 * @param status an {@link UploadStatus} name (any case); blank for all
	 * @param limit 1 to {@value #MAX_LIMIT}; blank for {@value #DEFAULT_LIMIT}
	 * @return the query
	 * @throws Invalid with a message for the user when a parameter is not acceptable
	 */
	static UploadQuery parse(String store, String status, String limit) {
		String storeName = (store == null || store.isBlank()) ? null : store.trim();
		if (storeName != null && storeName.length() > MAX_STORE_CHARS) {
			throw new Invalid("store must be at most " + MAX_STORE_CHARS + " characters");
		}
		return new UploadQuery(storeName, status(status), limit(limit));
	}

	private static UploadStatus status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return UploadStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new Invalid("Unknown status '" + status + "'; expected one of "
					+ Arrays.stream(UploadStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
		}
	}

	private static int limit(String limit) {
		if (limit == null || limit.isBlank()) {
			return DEFAULT_LIMIT;
		}
		int value;
		try {
			value = Integer.parseInt(limit.trim());
		}
		catch (NumberFormatException ex) {
			value = -1;
		}
		if (value < 1 || value > MAX_LIMIT) {
			throw new Invalid("limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + limit + "'");
		}
		return value;
	}

	/** A parameter of the upload list is not acceptable; the message says why. */
	static final class Invalid extends IllegalArgumentException {

		Invalid(String message) {
			super(message);
		}

	}

}
