package com.retail.inventory.contracts;

import java.nio.charset.StandardCharsets;

/**
 * How a payload that breaks a contract is shown in a log line: its start, as text, so the
 * line stays readable and bounded however large the payload is.
 */
public final class PayloadPreview {

	/** Characters shown before the payload is cut off with {@code ...}. */
	public static final int MAX_CHARS = 300;

	private PayloadPreview() {
	}

	public static String of(byte[] payload) {
		// Decode no more than can be shown: a payload may be megabytes.
		int bytes = Math.min(payload.length, MAX_CHARS * 4);
		return of(new String(payload, 0, bytes, StandardCharsets.UTF_8), payload.length > bytes);
	}

	public static String of(String payload) {
		return of(payload, false);
	}

	private static String of(String text, boolean cut) {
		return (text.length() <= MAX_CHARS && !cut) ? text
				: text.substring(0, Math.min(text.length(), MAX_CHARS)) + "...";
	}

}
