package com.retail.inventory.ingest;

import com.retail.inventory.contracts.UploadReport.RowError;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an upload's rejected rows as CSV, the file's columns plus {@code line} and
 * {@code reason}, to a temporary file (so a file with a million bad rows costs disk, not
 * heap) for {@link UploadReports} to put next to the report. Every cell is neutralised
 * against formula injection: the store opens this file in a spreadsheet.
 */
final class RejectedRowsFile implements InventoryCsvReader.RejectedRows, AutoCloseable {

	/** Most rows the file takes; the report says when there were more. */
	static final long MAX_ROWS = 1_000_000;

	private final Path path;

	private final CSVPrinter printer;

	private long rows;

	private boolean truncated;

	RejectedRowsFile() {
		try {
			this.path = Files.createTempFile("rejected-", ".csv");
			BufferedWriter out = Files.newBufferedWriter(this.path, StandardCharsets.UTF_8);
			this.printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void header(List<String> columns) {
		List<String> cells = new ArrayList<>(columns);
		cells.add("line");
		cells.add("reason");
		print(cells);
	}

	@Override
	public void row(List<String> values, RowError error) {
		if (this.rows >= MAX_ROWS) {
			this.truncated = true;
			return;
		}
		List<String> cells = new ArrayList<>(values);
		cells.add(Long.toString(error.line()));
		cells.add(error.reason());
		print(cells);
		this.rows++;
	}

	/** Rejected rows written. */
	long rows() {
		return this.rows;
	}

	/** Whether rows were left out for {@link #MAX_ROWS}. */
	boolean truncated() {
		return this.truncated;
	}

	/** The CSV file, complete once {@link #flush()} returned. */
	Path path() {
		return this.path;
	}

	void flush() {
		try {
			this.printer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Deletes the temporary file. */
	@Override
	public void close() {
		try {
			this.printer.close();
			Files.deleteIfExists(this.path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A cell a spreadsheet would read as a formula ({@code = + - @}, or a tab or carriage
	 * return before one) is prefixed with an apostrophe, which makes it text.
	 */
	static String neutralised(String cell) {
		if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
			return "'" + cell;
		}
		return cell;
	}

	private void print(List<String> cells) {
		try {
			for (String cell : cells) {
				this.printer.print(neutralised(cell));
			}
			this.printer.println();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
