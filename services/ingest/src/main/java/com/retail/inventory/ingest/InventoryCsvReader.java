package com.retail.inventory.ingest;

import com.retail.inventory.contracts.InventoryRecordEvent;
import com.retail.inventory.contracts.UploadRef;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams an inventory CSV file ({@code store,item,count} header, then one row per store
 * item) into events, one row at a time, so a file of any size is never held in memory.
 *
 * <p>
 * A file that is not an inventory file (missing or wrong header, broken CSV) is rejected
 * with {@link UnreadableUploadException}. A row with a bad value is reported in the
 * {@link ReadReport} and skipped; every other row is emitted.
 */
final class InventoryCsvReader {

	static final List<String> HEADER = List.of("store", "item", "count");

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setIgnoreSurroundingSpaces(true)
		.setIgnoreEmptyLines(true)
		.get();

	/**
	 * What happened to a file: how many rows became events and which rows were rejected
	 * and why.
	 */
	record ReadReport(long rowsEmitted, List<String> rejectedRows) {
	}

	ReadReport read(Reader reader, UploadRef upload, Consumer<InventoryRecordEvent> sink) {
		long emitted = 0;
		List<String> rejected = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
			var rows = parser.iterator();
			if (!rows.hasNext()) {
				throw new UnreadableUploadException(
						"the file is empty; expected the header " + String.join(",", HEADER));
			}
			checkHeader(rows.next());
			long rowNumber = 0;
			while (rows.hasNext()) {
				CSVRecord row = rows.next();
				rowNumber++;
				String problem = problemWith(row);
				if (problem != null) {
					rejected.add("row " + rowNumber + " (line " + parser.getCurrentLineNumber() + "): " + problem);
					continue;
				}
				sink.accept(
						InventoryRecordEvent.of(row.get(0), row.get(1), Long.parseLong(row.get(2)), upload, rowNumber));
				emitted++;
			}
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			// commons-csv reports malformed CSV (e.g. an unterminated quote) this way.
			throw new UnreadableUploadException("not valid CSV: " + rootMessage(ex), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ReadReport(emitted, List.copyOf(rejected));
	}

	private static void checkHeader(CSVRecord header) {
		List<String> names = new ArrayList<>();
		header.forEach(name -> names.add(stripBom(name).trim().toLowerCase(Locale.ROOT)));
		if (!names.equals(HEADER)) {
			throw new UnreadableUploadException(
					"the header is " + header.toList() + "; expected " + String.join(",", HEADER));
		}
	}

	/**
	 * @return why a data row cannot be used, or null when it is fine
	 */
	private static String problemWith(CSVRecord row) {
		if (row.size() != HEADER.size()) {
			return "expected 3 values (store,item,count), found " + row.size();
		}
		if (row.get(0).isBlank()) {
			return "store is empty";
		}
		if (row.get(1).isBlank()) {
			return "item is empty";
		}
		String count = row.get(2);
		if (!count.matches("\\d{1,18}")) {
			return "count '" + count + "' is not a whole number >= 0";
		}
		return null;
	}

	private static String stripBom(String value) {
		return value.startsWith("\uFEFF") ? value.substring(1) : value;
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

}
