package com.retail.inventory.ingest;

import com.retail.inventory.contracts.InventoryRecordEvent;
import com.retail.inventory.contracts.UploadRef;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams an inventory CSV file ({@code store,item,count} header, then one row per store
 * item) into events, one row at a time, so a file of any size is read in constant memory.
 *
 * <p>
 * A file that is not an inventory file (missing or wrong header, empty) is rejected with
 * {@link UnreadableUploadException}, as is one whose CSV breaks off (an unterminated
 * quote, a character after a closing quote): the rows before the break are emitted, the
 * rest cannot be read reliably. A row with a bad value, or longer than the row limit, is
 * counted as rejected with its reason and skipped; every other row is emitted. A failure
 * to read the input itself (S3, network) is not the file's fault and propagates as an
 * {@link UncheckedIOException}.
 */
public final class InventoryCsvReader {

	static final List<String> HEADER = List.of("store", "item", "count");

	/** Reasons kept per file; the counts stay exact beyond them. */
	static final int MAX_REASONS = 100;

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setIgnoreSurroundingSpaces(true)
		.setIgnoreEmptyLines(true)
		.get();

	private final int maxRowChars;

	public InventoryCsvReader(int maxRowChars) {
		this.maxRowChars = maxRowChars;
	}

	/**
	 * What happened to a file's rows.
	 *
	 * @param rowsRead data rows in the file (the header not counted)
	 * @param rowsEmitted rows that became events
	 * @param rowsRejected rows that did not, each for a reason
	 * @param reasons why, for the first {@value #MAX_REASONS} rejected rows
	 */
	public record ReadReport(long rowsRead, long rowsEmitted, long rowsRejected, List<String> reasons) {
	}

	/**
	 * @param reader the file's text
	 * @param upload the upload the rows belong to
	 * @param sink receives every valid row, in file order
	 * @return the counts
	 * @throws UnreadableUploadException when the file is not (or stops being) an
	 * inventory CSV file
	 * @throws UncheckedIOException when the input cannot be read
	 */
	public ReadReport read(Reader reader, UploadRef upload, Consumer<InventoryRecordEvent> sink) {
		long rowNumber = 0;
		long emitted = 0;
		long rejected = 0;
		List<String> reasons = new ArrayList<>();
		CSVParser parser = null;
		try {
			parser = CSVParser.parse(new CsvRowGuard(reader, this.maxRowChars), FORMAT);
			Iterator<CSVRecord> rows = parser.iterator();
			if (!rows.hasNext()) {
				throw new UnreadableUploadException(
						"the file is empty; expected the header " + String.join(",", HEADER));
			}
			checkHeader(rows.next());
			while (rows.hasNext()) {
				CSVRecord row = rows.next();
				rowNumber++;
				String problem = problemWith(row);
				if (problem != null) {
					rejected++;
					if (reasons.size() < MAX_REASONS) {
						reasons.add("row " + rowNumber + " (line " + parser.getCurrentLineNumber() + "): " + problem);
					}
					continue;
				}
				sink.accept(
						InventoryRecordEvent.of(row.get(0), row.get(1), Long.parseLong(row.get(2)), upload, rowNumber));
				emitted++;
			}
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof CSVException syntax) {
				long line = (parser != null) ? parser.getCurrentLineNumber() : 1;
				throw new UnreadableUploadException("not valid CSV from line " + line + " (" + syntax.getMessage()
						+ "); the rest of the file cannot be read", ex);
			}
			throw ex;
		}
		catch (CSVException ex) {
			throw new UnreadableUploadException("not valid CSV: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ReadReport(rowNumber, emitted, rejected, List.copyOf(reasons));
	}

	private static void checkHeader(CSVRecord header) {
		List<String> names = new ArrayList<>();
		header.forEach((name) -> names.add(stripBom(name).trim().toLowerCase(Locale.ROOT)));
		if (!names.equals(HEADER)) {
			String shown = (CsvRowGuard.oversizeReason(header.get(0)) != null) ? "too long to show"
					: header.toList().toString();
			throw new UnreadableUploadException("the header is " + shown + "; expected " + String.join(",", HEADER));
		}
	}

	/**
	 * @return why a data row cannot be used, or null when it is fine
	 */
	private static String problemWith(CSVRecord row) {
		String oversize = CsvRowGuard.oversizeReason(row.get(0));
		if (oversize != null) {
			return oversize;
		}
		if (row.size() != HEADER.size()) {
			return "expected 3 values (store,item,count), found " + row.size();
		}
		if (row.get(0).isBlank()) {
			return "store is empty";
		}
		if (row.get(1).isBlank()) {
			return "item is empty";
		}
		int keyLength = row.get(0).length() + 1 + row.get(1).length();
		if (keyLength > InventoryRecordEvent.MAX_PARTITION_KEY_CHARS) {
			return "store and item are " + (keyLength - 1) + " characters together; at most "
					+ (InventoryRecordEvent.MAX_PARTITION_KEY_CHARS - 1) + " are accepted";
		}
		String count = row.get(2);
		if (!isWholeNumber(count)) {
			String shown = (count.length() <= 40) ? count : count.substring(0, 40) + "...";
			return "count '" + shown + "' is not a whole number >= 0";
		}
		return null;
	}

	/**
	 * 1 to 18 ASCII digits (what fits a long); checked by hand, this runs for every row.
	 */
	private static boolean isWholeNumber(String value) {
		int length = value.length();
		if (length == 0 || length > 18) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static String stripBom(String value) {
		return value.startsWith("\uFEFF") ? value.substring(1) : value;
	}

}
