package com.retail.inventory.ops.status;

import java.io.PrintWriter;
import java.util.List;

/**
 * The human form of a {@link StatusReport}: a heading, tables and problems per section.
 */
public final class TextRenderer {

	private static final String GAP = "  ";

	public void render(StatusReport report, PrintWriter out) {
		for (SectionResult section : report.sections()) {
			out.println("== " + section.title() + ": " + section.health());
			for (Table table : section.tables()) {
				if (!table.title().isEmpty()) {
					out.println(table.title());
				}
				if (table.rows().isEmpty()) {
					out.println("(none)");
				}
				else {
					renderTable(table, out);
				}
			}
			for (String problem : section.problems()) {
				out.println("! " + problem);
			}
			out.println();
		}
		Health health = report.health();
		out.println("Status: " + health + " (exit code " + health.exitCode() + ")");
		out.flush();
	}

	/** Columns padded to their widest cell; also used by the other commands' tables. */
	public static void renderTable(Table table, PrintWriter out) {
		int[] widths = new int[table.columns().size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = table.columns().get(i).length();
			for (List<String> row : table.rows()) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		line(table.columns(), widths, out);
		for (List<String> row : table.rows()) {
			line(row, widths, out);
		}
	}

	private static void line(List<String> cells, int[] widths, PrintWriter out) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			String cell = cells.get(i);
			line.append(cell);
			if (i < cells.size() - 1) {
				line.append(" ".repeat(widths[i] - cell.length())).append(GAP);
			}
		}
		out.println(line);
	}

}
