package com.retail.inventory.ops.status;

import java.util.List;

/**
 * Rows of text under column headings: what the human renderer prints of a section.
 *
 * @param title shown above the table, may be empty
 * @param columns the headings
 * @param rows the cells, one list per row, as many as there are columns
 */
public record Table(String title, List<String> columns, List<List<String>> rows) {

	public Table {
		for (List<String> row : rows) {
			if (row.size() != columns.size()) {
				throw new IllegalArgumentException(
						title + ": a row has " + row.size() + " cells for " + columns.size() + " columns");
			}
		}
	}

}
