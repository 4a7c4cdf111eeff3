package com.retail.inventory.dashboard;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Tables as CSV (RFC 4180, with a header row), every cell through
 * {@link CsvCells#neutralise}.
 *
 * @param <T> the row type
 */
final class CsvExport<T> {

	private final List<String> header = new ArrayList<>();

	private final List<Function<T, Object>> cells = new ArrayList<>();

	static <T> CsvExport<T> of(Class<T> rowType) {
		return new CsvExport<>();
	}

	/** Adds a column. */
	CsvExport<T> column(String name, Function<T, Object> cell) {
		this.header.add(name);
		this.cells.add(cell);
		return this;
	}

	/** The rows as CSV, UTF-8. */
	byte[] write(List<T> rows) {
		StringWriter out = new StringWriter(64 + 64 * rows.size());
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
			csv.printRecord(this.header.stream().map(CsvCells::neutralise).toList());
			List<String> record = new ArrayList<>(this.cells.size());
			for (T row : rows) {
				record.clear();
				for (Function<T, Object> cell : this.cells) {
					Object value = cell.apply(row);
					record.add(CsvCells.neutralise((value != null) ? value.toString() : null));
				}
				csv.printRecord(record);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

}
