package com.retail.inventory.ops.status;

import java.time.Duration;

/** Durations as an operator reads them: {@code 2d3h}, {@code 7m12s}, {@code 850ms}. */
public final class Durations {

	private Durations() {
	}

	public static String format(Duration duration) {
		if (duration == null) {
			return "-";
		}
		long millis = duration.toMillis();
		if (millis == 0) {
			return "0s";
		}
		if (millis < 1000) {
			return millis + "ms";
		}
		long seconds = duration.toSeconds();
		long days = seconds / 86_400;
		long hours = (seconds % 86_400) / 3600;
		long minutes = (seconds % 3600) / 60;
		long secs = seconds % 60;
		if (days > 0) {
			return days + "d" + hours + "h";
		}
		if (hours > 0) {
			return hours + "h" + minutes + "m";
		}
		if (minutes > 0) {
			return minutes + "m" + secs + "s";
		}
		return secs + "s";
	}

	/**
	 * @param text {@code 300ms}, {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d} or an
	 * ISO-8601 duration ({@code PT5M})
	 */
	public static Duration parse(String text) {
		String value = text.trim().toLowerCase();
		if (value.startsWith("p")) {
			return Duration.parse(text.trim());
		}
		int split = 0;
		while (split < value.length() && Character.isDigit(value.charAt(split))) {
			split++;
		}
		if (split == 0 || split == value.length()) {
			throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 90s, 5m, 2h, PT5M)");
		}
		long amount = Long.parseLong(value.substring(0, split));
		return switch (value.substring(split)) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			case "d" -> Duration.ofDays(amount);
			default -> throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 90s, 5m, 2h, PT5M)");
		};
	}

}
