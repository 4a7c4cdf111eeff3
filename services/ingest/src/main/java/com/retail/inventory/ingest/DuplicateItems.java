package com.retail.inventory.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the items a file lists more than once (the later row counts; the report warns),
 * as the rows go by on their way to Kinesis. Kept out of the CSV reader: remembering
 * every item costs a hash and a memory probe per row, a third of the reader's own time,
 * while publishing a row (JSON, Kinesis) costs several times the reader's. Memory is
 * bounded: the first {@value #MAX_ITEMS_CHECKED} items are remembered (about 6 MB).
 */
final class DuplicateItems {

	/** Distinct items per file checked; beyond it the report says the check stopped. */
	static final int MAX_ITEMS_CHECKED = 500_000;

	private final ItemOccurrences items = new ItemOccurrences(MAX_ITEMS_CHECKED);

	private final List<String> warnings = new ArrayList<>();

	private final int maxWarnings;

	private long found;

	/**
	 * @param maxWarnings most warnings listed (all are counted)
	 */
	DuplicateItems(int maxWarnings) {
		this.maxWarnings = maxWarnings;
	}

	/** One valid row of the file. */
	void check(String store, String item, long line) {
		long before = this.items.put(store, item, line);
		if (before != ItemOccurrences.NONE) {
			this.found++;
			if (this.warnings.size() < this.maxWarnings) {
				this.warnings.add(store + " / " + item + " is listed on lines " + before + " and " + line
						+ "; the later row counts");
			}
		}
	}

	/** What the report says: one warning per repetition found, and the limits hit. */
	List<String> warnings() {
		List<String> all = new ArrayList<>(this.warnings);
		if (this.found > this.warnings.size()) {
			all.add((this.found - this.warnings.size()) + " more repetitions of items not listed");
		}
		if (this.items.full()) {
			all.add("the file names more than " + String.format("%,d", MAX_ITEMS_CHECKED)
					+ " items: items listed twice were looked for among the first of them only");
		}
		return all;
	}

}
