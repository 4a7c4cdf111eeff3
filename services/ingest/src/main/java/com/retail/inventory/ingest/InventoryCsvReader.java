package com.retail.inventory.ingest;

import com.retail.inventory.contracts.InventoryRecordEvent;
import com.retail.inventory.contracts.LogFields;
import com.retail.inventory.contracts.UploadRef;
import com.retail.inventory.contracts.UploadReport;
import com.retail.inventory.contracts.UploadReport.RowError;
import com.retail.inventory.contracts.UploadsTable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams an inventory CSV file into events, one row at a time, so a file of any size is
 * read in constant memory, and applies the validation policy (README, "Validation
 * policy"):
 * <ul>
 * <li>the header names the columns {@code store}, {@code item} and {@code count}, in any
 * order and case; further columns are ignored, with a warning;</li>
 * <li>store and item are trimmed, non-empty, at most {@value #MAX_NAME_CHARS} characters
 * each and 255 together, without control characters; count is a whole number from 0 to
 * {@value #MAX_COUNT};</li>
 * <li>an item listed twice counts as its last row (its row number is its version's last
 * part; {@link DuplicateItems} warns about it);</li>
 * <li>a file under {@code stores/<store>/} holds that store's rows only (compared without
 * regard to case); other stores' rows are rejected;</li>
 * <li>a row with bad quoting or over the row limit is rejected with its line and the rest
 * of the file is read ({@link CsvRowGuard}).</li>
 * </ul>
 * A file that is not an inventory file (no header with those columns) is rejected with
 * {@link UnreadableUploadException}. A failure to read the input itself (S3, network) is
 * not the file's fault and propagates as an {@link UncheckedIOException}.
 */
public final class InventoryCsvReader {

	static final List<String> REQUIRED = List.of("store", "item", "count");

	/** Reasons and warnings kept per file; the counts stay exact beyond them. */
	public static final int MAX_MESSAGES = UploadReport.MAX_ERRORS;

	/** Distinct stores per file counted exactly. */
	static final int MAX_STORES_COUNTED = 10_000;

	static final int MAX_NAME_CHARS = 128;

	static final long MAX_COUNT = 1_000_000_000L;

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setIgnoreSurroundingSpaces(true)
		.setIgnoreEmptyLines(true)
		.get();

	private final int maxRowChars;

	public InventoryCsvReader(int maxRowChars) {
		this.maxRowChars = maxRowChars;
	}

	/** Receives every valid row. */
	public interface Rows {

		/**
		 * @param event the row's event
		 * @param line the file line the row ends on
		 */
		void accept(InventoryRecordEvent event, long line);

	}

	/** Receives every rejected row (not only the first {@value #MAX_MESSAGES}). */
	public interface RejectedRows {

		/** Ignores them. */
		RejectedRows NONE = new RejectedRows() {
			@Override
			public void header(List<String> columns) {
			}

			@Override
			public void row(List<String> values, RowError error) {
			}
		};

		/** The file's header, before any row. */
		void header(List<String> columns);

		/**
		 * @param values the row's values as parsed, or the start of the row as the file
		 * has it when it could not be parsed
		 * @param error where and why
		 */
		void row(List<String> values, RowError error);

	}

	/**
	 * What happened to a file's rows.
	 *
	 * @param rowsRead data rows in the file (the header not counted)
	 * @param rowsEmitted rows that became events
	 * @param rowsRejected rows that did not, each for a reason
	 * @param errors the first {@value #MAX_MESSAGES} rejected rows
	 * @param warnings what was accepted but deserves a look (ignored columns,
	 * duplicates), at most {@value #MAX_MESSAGES}
	 * @param stores the stores of the accepted rows, at most
	 * {@link UploadsTable#MAX_STORES_LISTED}, sorted
	 * @param storeCount how many different stores the accepted rows name (exact up to
	 * {@value #MAX_STORES_COUNTED})
	 */
	public record ReadReport(long rowsRead, long rowsEmitted, long rowsRejected, List<RowError> errors,
			List<String> warnings, Set<String> stores, int storeCount) {

		/** Whether more rows were rejected than {@link #errors()} lists. */
		public boolean errorsTruncated() {
			return this.rowsRejected > this.errors.size();
		}

	}

	/**
	 * @param reader the file's text
	 * @param upload the upload the rows belong to
	 * @param sink receives every valid row, in file order
	 * @return the counts
	 * @throws UnreadableUploadException when the file is not an inventory CSV file
	 * @throws UncheckedIOException when the input cannot be read
	 */
	public ReadReport read(Reader reader, UploadRef upload, Consumer<InventoryRecordEvent> sink) {
		return read(reader, upload, (event, line) -> sink.accept(event), RejectedRows.NONE);
	}

	/**
	 * @param reader the file's text
	 * @param upload the upload the rows belong to
	 * @param sink receives every valid row, in file order
	 * @param rejectedRows receives every rejected row, in file order
	 * @return the counts
	 * @throws UnreadableUploadException when the file is not an inventory CSV file
	 * @throws UncheckedIOException when the input cannot be read
	 */
	public ReadReport read(Reader reader, UploadRef upload, Rows sink, RejectedRows rejectedRows) {
		long rowNumber = 0;
		long emitted = 0;
		long rejected = 0;
		List<RowError> errors = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		Set<String> stores = new TreeSet<>();
		String lastStore = null;
		String onlyStore = storeOf(upload.key());
		CSVParser parser = null;
		try {
			parser = CSVParser.parse(new CsvRowGuard(reader, this.maxRowChars), FORMAT);
			Iterator<CSVRecord> rows = parser.iterator();
			if (!rows.hasNext()) {
				warn(warnings, "the file is empty: no header, no rows");
				return new ReadReport(0, 0, 0, List.of(), List.copyOf(warnings), Set.of(), 0);
			}
			CSVRecord header = rows.next();
			Columns columns = Columns.of(header, warnings);
			rejectedRows.header(header.toList());
			while (rows.hasNext()) {
				CSVRecord row = rows.next();
				rowNumber++;
				long line = parser.getCurrentLineNumber();
				Object checked = columns.check(row);
				if (checked instanceof Row valid && onlyStore != null && !onlyStore.equalsIgnoreCase(valid.store())) {
					checked = "this file is under stores/" + onlyStore + "/, which takes only " + onlyStore
							+ "'s rows, not " + valid.store() + "'s";
				}
				if (checked instanceof String problem) {
					rejected++;
					RowError error = rowError(row, line, rowNumber, problem);
					if (errors.size() < MAX_MESSAGES) {
						errors.add(error);
					}
					rejectedRows.row(rowValues(row), error);
					continue;
				}
				Row valid = (Row) checked;
				// Files usually list a store's items together: look the store up only
				// when
				// it changes.
				if (!valid.store().equals(lastStore)) {
					lastStore = valid.store();
					if (stores.size() < MAX_STORES_COUNTED) {
						stores.add(lastStore);
					}
				}
				sink.accept(InventoryRecordEvent.of(valid.store(), valid.item(), valid.count(), upload, rowNumber),
						line);
				emitted++;
			}
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof CSVException syntax) {
				// The guard sets aside the rows the parser cannot read; anything left is
				// the file's.
				long line = (parser != null) ? parser.getCurrentLineNumber() : 1;
				throw new UnreadableUploadException(
						"not valid CSV from line " + line + " (" + syntax.getMessage() + ")", ex);
			}
			throw ex;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (rowNumber == 0) {
			warn(warnings, "the file has a header and no rows");
		}
		Set<String> listed = new TreeSet<>(stores.stream().limit(UploadsTable.MAX_STORES_LISTED).toList());
		return new ReadReport(rowNumber, emitted, rejected, List.copyOf(errors), List.copyOf(warnings), listed,
				stores.size());
	}

	/**
	 * @param key an uploaded object's key
	 * @return the store a key under {@code stores/<store>/} belongs to, else null
	 */
	static String storeOf(String key) {
		// The same rule names the store in the logs.
		return LogFields.storeOf(key);
	}

	private static RowError rowError(CSVRecord row, long line, long rowNumber, String problem) {
		String setAside = (CsvRowGuard.rejectionReason(row.get(0)) != null) ? CsvRowGuard.rejectedText(row.get(0))
				: null;
		String text = (setAside != null) ? setAside : FORMAT.format(row.values());
		if (text.length() > UploadReport.MAX_TEXT_CHARS) {
			text = text.substring(0, UploadReport.MAX_TEXT_CHARS);
		}
		return new RowError(line, rowNumber, problem, text);
	}

	private static List<String> rowValues(CSVRecord row) {
		return (CsvRowGuard.rejectionReason(row.get(0)) != null) ? List.of(CsvRowGuard.rejectedText(row.get(0)))
				: row.toList();
	}

	private static void warn(List<String> warnings, String warning) {
		if (warnings.size() < MAX_MESSAGES) {
			warnings.add(warning);
		}
	}

	/** Where the three columns are, as the header names them. */
	private static final class Columns {

		private final int store;

		private final int item;

		private final int count;

		private final int size;

		private Columns(int store, int item, int count, int size) {
			this.store = store;
			this.item = item;
			this.count = count;
			this.size = size;
		}

		static Columns of(CSVRecord header, List<String> warnings) {
			if (CsvRowGuard.rejectionReason(header.get(0)) != null) {
				throw new UnreadableUploadException(
						"the header cannot be read: " + CsvRowGuard.rejectionReason(header.get(0)));
			}
			Map<String, Integer> positions = new LinkedHashMap<>();
			List<String> extra = new ArrayList<>();
			for (int i = 0; i < header.size(); i++) {
				String name = header.get(i);
				if (i == 0 && name.startsWith("\uFEFF")) {
					name = name.substring(1);
				}
				name = name.strip().toLowerCase(Locale.ROOT);
				if (REQUIRED.contains(name)) {
					if (positions.putIfAbsent(name, i) != null) {
						throw new UnreadableUploadException("the header names the column " + name + " twice");
					}
				}
				else {
					extra.add(name.isEmpty() ? "(column " + (i + 1) + ", no name)" : name);
				}
			}
			if (positions.size() < REQUIRED.size()) {
				throw new UnreadableUploadException("the header is " + header.toList()
						+ "; it must name the columns store, item and count (in any order; other columns are ignored)");
			}
			if (!extra.isEmpty()) {
				warn(warnings, "columns ignored: " + String.join(", ", extra));
			}
			return new Columns(positions.get("store"), positions.get("item"), positions.get("count"), header.size());
		}

		/**
		 * @return the row's values ({@link Row}), trimmed and checked, or why the row
		 * cannot be used (a String)
		 */
		Object check(CSVRecord row) {
			String setAside = CsvRowGuard.rejectionReason(row.get(0));
			if (setAside != null) {
				return setAside;
			}
			if (row.size() != this.size) {
				return "expected " + this.size + " values, as in the header, found " + row.size();
			}
			String store = row.get(this.store).strip();
			String item = row.get(this.item).strip();
			String problem = nameProblem("store", store);
			if (problem == null) {
				problem = nameProblem("item", item);
			}
			if (problem != null) {
				return problem;
			}
			if (store.length() + item.length() > InventoryRecordEvent.MAX_PARTITION_KEY_CHARS - 1) {
				return "store and item are " + (store.length() + item.length()) + " characters together; at most "
						+ (InventoryRecordEvent.MAX_PARTITION_KEY_CHARS - 1) + " are accepted";
			}
			String count = row.get(this.count).strip();
			long number = count(count);
			if (number < 0) {
				String shown = (count.length() <= 40) ? count : count.substring(0, 40) + "...";
				return "count '" + shown + "' is not a whole number from 0 to " + String.format("%,d", MAX_COUNT);
			}
			return new Row(store, item, number);
		}

		private static String nameProblem(String what, String value) {
			if (value.isEmpty()) {
				return what + " is empty";
			}
			if (value.length() > MAX_NAME_CHARS) {
				return what + " is " + value.length() + " characters long; at most " + MAX_NAME_CHARS + " are accepted";
			}
			for (int i = 0; i < value.length(); i++) {
				if (Character.isISOControl(value.charAt(i))) {
					return String.format("%s contains the control character U+%04X", what, (int) value.charAt(i));
				}
			}
			return null;
		}

		/**
		 * Digits only (checked by hand: this runs for every row), 0 to
		 * {@value #MAX_COUNT}.
		 * @return the number, or -1 when the text is not one
		 */
		private static long count(String value) {
			int length = value.length();
			if (length == 0 || length > 10) {
				return -1;
			}
			long number = 0;
			for (int i = 0; i < length; i++) {
				char c = value.charAt(i);
				if (c < '0' || c > '9') {
					return -1;
				}
				number = number * 10 + (c - '0');
			}
			return (number <= MAX_COUNT) ? number : -1;
		}

	}

	/** A row that passed the checks, its values trimmed. */
	private record Row(String store, String item, long count) {
	}

}
