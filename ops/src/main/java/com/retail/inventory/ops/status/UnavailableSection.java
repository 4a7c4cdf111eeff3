package com.retail.inventory.ops.status;

import java.util.List;

/**
 * A section that could not be read: its state is {@link Health#UNKNOWN}. The other
 * sections are still shown.
 *
 * @param name the section's key
 * @param title the section's heading
 * @param error why it could not be read
 */
public record UnavailableSection(String name, String title, String error) implements SectionResult {

	@Override
	public Health health() {
		return Health.UNKNOWN;
	}

	@Override
	public List<String> problems() {
		return List.of("could not be read: " + this.error);
	}

	@Override
	public List<Table> tables() {
		return List.of();
	}

	@Override
	public Object data() {
		return null;
	}

}
