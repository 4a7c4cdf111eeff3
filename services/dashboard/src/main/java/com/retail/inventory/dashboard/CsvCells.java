package com.retail.inventory.dashboard;

/**
 * Keeps a CSV cell from being run as a formula when the file is opened in a spreadsheet
 * (CSV injection): a cell beginning with {@code = + - @}, a tab or a carriage return gets
 * a leading {@code '}, which spreadsheets show as text. Store and item names come from
 * uploaded files, so they are data, never formulas.
 */
final class CsvCells {

	private CsvCells() {
	}

	/**
	 * @param cell a cell's text, or null
	 * @return the text to write; empty for null
	 */
	static String neutralise(String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		return switch (cell.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
			default -> cell;
		};
	}

}
