package com.retail.inventory.bench;

/** Inventory files of the shape a chain exports: 200 items per store, counts 1 to 500. */
final class SampleFile {

	static final int ITEMS_PER_STORE = 200;

	private SampleFile() {
	}

	/** The whole file in memory (for files that fit). */
	static String csv(int rows) {
		StringBuilder csv = new StringBuilder(rows * 40).append("store,item,count\n");
		for (int row = 0; row < rows; row++) {
			appendRow(csv, "Store", row);
		}
		return csv.toString();
	}

	/**
	 * One data row: store {@code row / 200}, item {@code row % 200}, a count from 1 to
	 * 500.
	 */
	static void appendRow(StringBuilder csv, String storePrefix, long row) {
		csv.append(storePrefix)
			.append(' ')
			.append(row / ITEMS_PER_STORE + 1)
			.append(",Echo Item ")
			.append(row % ITEMS_PER_STORE + 1)
			.append(',')
			.append(count(row))
			.append('\n');
	}

	static long count(long row) {
		return 1 + (row * 7919) % 500;
	}

}
