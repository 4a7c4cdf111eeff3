package com.retail.inventory.ops.status;

import java.util.List;
import java.util.function.Supplier;

/**
 * Every section of {@code status}, in the order shown. The report's health is the worst
 * of its sections'; its exit code is that health's.
 *
 * @param sections what each section found
 */
public record StatusReport(List<SectionResult> sections) {

	public Health health() {
		return this.sections.stream().map(SectionResult::health).reduce(Health.OK, Health::and);
	}

	public int exitCode() {
		return health().exitCode();
	}

	/**
	 * Reads a section; a failure (no cluster, no credentials, a missing table) makes it
	 * {@link Health#UNKNOWN} rather than ending the command, so the other sections are
	 * still shown.
	 */
	public static SectionResult read(String name, String title, Supplier<? extends SectionResult> section) {
		try {
			return section.get();
		}
		catch (RuntimeException ex) {
			return new UnavailableSection(name, title, describe(ex));
		}
	}

	static String describe(Throwable ex) {
		String text = firstLine(ex);
		Throwable cause = ex.getCause();
		while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		// The Kubernetes client says which operation failed; the root cause says why.
		if (cause != null && cause.getMessage() != null && !text.contains(cause.getMessage())) {
			text += " (" + firstLine(cause) + ")";
		}
		return text;
	}

	private static String firstLine(Throwable ex) {
		String message = ex.getMessage();
		if (message == null || message.isBlank()) {
			return ex.getClass().getSimpleName();
		}
		int newline = message.indexOf('\n');
		return ex.getClass().getSimpleName() + ": "
				+ ((newline > 0) ? message.substring(0, newline) : message).replaceAll("\\s+", " ").trim();
	}

}
