package com.retail.inventory.ops.status;

import java.util.List;

/**
 * What one section of {@code status} found. Each section's record holds plain rows (its
 * JSON form, {@link #data()}); the health rules and the tables are derived from them.
 */
public interface SectionResult {

	/** Key of the section in the JSON output, e.g. {@code consumerLag}. */
	String name();

	/** Heading of the section in the human output. */
	String title();

	Health health();

	/** One sentence per thing that makes the section unhealthy or unknown. */
	List<String> problems();

	/** What the human renderer prints. */
	List<Table> tables();

	/** What the JSON renderer prints under {@code data}. */
	Object data();

}
