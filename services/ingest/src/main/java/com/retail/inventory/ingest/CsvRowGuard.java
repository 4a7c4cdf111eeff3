package com.retail.inventory.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Stands between the file and the CSV parser, one row at a time, so that no row can make
 * the parser fail or use unbounded memory. A well-formed row passes through unchanged; a
 * row the parser could not read is replaced by a one-value marker row, which the reader
 * rejects with the marker's reason and line, and the rest of the file is read as usual:
 * <ul>
 * <li>a row longer than the limit (one line of a gigabyte, or an opening quote that never
 * closes) is skipped in constant memory;</li>
 * <li>a row with bad quoting (a character after a closing quote, a quote still open at
 * the end of the file) is set aside instead of stopping the parser.</li>
 * </ul>
 * A row ends at a line break outside quotes. Quotes are tracked as commons-csv reads them
 * in ingest's format: a quote opens a quoted value only at the start of a value (after
 * optional spaces), {@code ""} inside one is a quote, only spaces may follow the closing
 * quote before the next comma or line break, and a quote anywhere else is a plain
 * character.
 */
final class CsvRowGuard extends Reader {

	/** Starts every marker; a real value would be rejected for its control character. */
	private static final String MARKER = "\u0000row-rejected:";

	/** Separates a marker's reason from the start of the row it stands for. */
	private static final char TEXT_SEPARATOR = '\u0001';

	/** How much of a set-aside row its marker keeps, for the upload's report. */
	static final int MAX_EXCERPT_CHARS = 200;

	/** Quote states (ints rather than an enum: compared for every character). */
	private static final int VALUE_START = 0;

	private static final int UNQUOTED = 1;

	private static final int QUOTED = 2;

	private static final int QUOTE_IN_QUOTED = 3;

	private static final int AFTER_QUOTED = 4;

	private final Reader in;

	private final int maxRowChars;

	private final char[] input = new char[8192];

	/**
	 * The start of the row being read, held back until the row ends or proves too long.
	 */
	private final char[] held;

	private int heldLength;

	/**
	 * What the parser gets next: complete rows and markers (reused from chunk to chunk).
	 */
	private final Output output = new Output();

	private char[] ready = new char[0];

	private int readyStart;

	private int readyEnd;

	private int state = VALUE_START;

	private long line = 1;

	private boolean afterCarriageReturn;

	/** 1-based line the current row starts on. */
	private long rowStartLine = 1;

	/** While skipping a row that is too long: its length so far; -1 otherwise. */
	private long skipped = -1;

	/** Why the current row cannot be parsed, once that is known; null while it can. */
	private String malformed;

	/** The start of a row too long to hold, kept for its marker. */
	private String longRowStart = "";

	private boolean eof;

	CsvRowGuard(Reader in, int maxRowChars) {
		this.in = in;
		this.maxRowChars = maxRowChars;
		this.held = new char[maxRowChars];
	}

	/**
	 * @param value the first value of a parsed row
	 * @return why the row is not what the file holds, when the value is the marker of a
	 * row this guard set aside; null for any other value
	 */
	static String rejectionReason(String value) {
		if (value == null || !value.startsWith(MARKER)) {
			return null;
		}
		int end = value.indexOf(TEXT_SEPARATOR);
		return value.substring(MARKER.length(), (end >= 0) ? end : value.length()).strip();
	}

	/**
	 * @param value the first value of a parsed row that {@link #rejectionReason} names a
	 * reason for
	 * @return the start of the row the guard set aside (line breaks as spaces, at most
	 * {@value #MAX_EXCERPT_CHARS} characters)
	 */
	static String rejectedText(String value) {
		int start = value.indexOf(TEXT_SEPARATOR);
		return (start >= 0) ? value.substring(start + 1).stripTrailing() : "";
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		while (this.readyStart == this.readyEnd) {
			if (this.eof) {
				return -1;
			}
			fill();
		}
		int n = Math.min(length, this.readyEnd - this.readyStart);
		System.arraycopy(this.ready, this.readyStart, buffer, offset, n);
		this.readyStart += n;
		return n;
	}

	/** Reads one chunk of input; its complete rows (and markers) become ready. */
	private void fill() throws IOException {
		int n = this.in.read(this.input, 0, this.input.length);
		Output out = this.output;
		out.reset(this.heldLength + Math.max(n, 0) + 256);
		if (n < 0) {
			this.eof = true;
			if (this.state == QUOTED && this.skipped < 0 && this.malformed == null) {
				this.malformed = "a quoted value opened on line " + this.rowStartLine + " is never closed";
			}
			if (this.skipped >= 0 || this.malformed != null) {
				out.append(marker((char) 0, (this.skipped >= 0) ? this.longRowStart : excerpt(this.input, 0, 0)));
			}
			else {
				out.append(this.held, 0, this.heldLength);
			}
			this.heldLength = 0;
			publish(out);
			return;
		}
		int from = 0;
		for (int i = 0; i < n; i++) {
			boolean rowEnds = advance(this.input[i]);
			if (this.skipped >= 0) {
				if (rowEnds) {
					out.append(marker(this.input[i], this.longRowStart));
					startRow();
					from = i + 1;
				}
				else {
					this.skipped++;
				}
				continue;
			}
			int rowLength = this.heldLength + (i - from + 1);
			if (rowEnds) {
				if (this.malformed != null) {
					out.append(marker(this.input[i], excerpt(this.input, from, i - from)));
				}
				else {
					out.append(this.held, 0, this.heldLength);
					out.append(this.input, from, i - from + 1);
				}
				startRow();
				from = i + 1;
			}
			else if (rowLength > this.maxRowChars) {
				this.longRowStart = excerpt(this.input, from, i - from + 1);
				this.skipped = rowLength;
				this.heldLength = 0;
			}
		}
		if (this.skipped < 0 && from < n) {
			System.arraycopy(this.input, from, this.held, this.heldLength, n - from);
			this.heldLength += n - from;
		}
		publish(out);
	}

	/**
	 * The start of the current row: what is held, then {@code count} characters of the
	 * chunk from {@code from}.
	 */
	private String excerpt(char[] chunk, int from, int count) {
		StringBuilder text = new StringBuilder(MAX_EXCERPT_CHARS);
		text.append(this.held, 0, Math.min(this.heldLength, MAX_EXCERPT_CHARS));
		text.append(chunk, from, Math.min(count, MAX_EXCERPT_CHARS - text.length()));
		return text.toString();
	}

	private void startRow() {
		this.longRowStart = "";
		this.heldLength = 0;
		this.skipped = -1;
		this.malformed = null;
		this.rowStartLine = this.line;
	}

	/**
	 * Moves the quote state over one character. Kept small (the cold paths are methods of
	 * their own) so that it is inlined: it runs for every character of the file.
	 * @return whether the character ends a row
	 */
	private boolean advance(char c) {
		if (c == '\n' || c == '\r') {
			newLine(c);
			if (this.state == QUOTED) {
				return false;
			}
			this.state = VALUE_START;
			return true;
		}
		this.afterCarriageReturn = false;
		switch (this.state) {
			case VALUE_START -> {
				if (c == '"') {
					this.state = QUOTED;
				}
				else if (c != ' ' && c != '\t' && c != ',') {
					this.state = UNQUOTED;
				}
			}
			case UNQUOTED -> {
				if (c == ',') {
					this.state = VALUE_START;
				}
			}
			case QUOTED -> {
				if (c == '"') {
					this.state = QUOTE_IN_QUOTED;
				}
			}
			default -> afterClosingQuote(c);
		}
		return false;
	}

	private void newLine(char c) {
		if (c == '\r' || !this.afterCarriageReturn) {
			this.line++;
		}
		this.afterCarriageReturn = c == '\r';
	}

	/**
	 * After a closing quote: {@code ""} (an escaped quote), spaces, then a comma or line
	 * break.
	 */
	private void afterClosingQuote(char c) {
		if (c == '"' && this.state == QUOTE_IN_QUOTED) {
			this.state = QUOTED;
		}
		else if (c == ',') {
			this.state = VALUE_START;
		}
		else if (c == ' ' || c == '\t') {
			this.state = AFTER_QUOTED;
		}
		else {
			if (this.malformed == null) {
				this.malformed = "bad quoting on line " + this.line + ": '" + c
						+ "' follows a closing quote (a quote inside a quoted value is written \"\")";
			}
			// Read on as the parser cannot: to the end of the row.
			this.state = UNQUOTED;
		}
	}

	/**
	 * The marker row for the row that just ended: one quoted value, spanning as many
	 * lines as the row did and ending with the same line break, so the parser's line
	 * numbers stay those of the file.
	 * @param terminator the character that ended the row, or 0 at the end of the file
	 */
	private String marker(char terminator, String rowStart) {
		String reason = (this.skipped >= 0)
				? String.format("the row starting on line %d is %,d characters long; at most %,d are accepted",
						this.rowStartLine, this.skipped, this.maxRowChars)
				: this.malformed;
		long lines = (terminator == 0) ? this.line - this.rowStartLine + 1 : this.line - this.rowStartLine;
		String text = (MARKER + reason + TEXT_SEPARATOR + rowStart).replace('\r', ' ')
			.replace('\n', ' ')
			.replace("\"", "\"\"");
		return "\"" + text + "\n".repeat((int) Math.max(0, lines - 1)) + "\"" + ((terminator == 0) ? "\n" : terminator);
	}

	private void publish(Output out) {
		this.ready = out.chars;
		this.readyStart = 0;
		this.readyEnd = out.length;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

	/** A growing character buffer (StringBuilder would copy once more). */
	private static final class Output {

		private char[] chars = new char[0];

		private int length;

		/**
		 * Empties the buffer, keeping room for at least the given number of characters.
		 */
		void reset(int capacity) {
			this.length = 0;
			if (this.chars.length < capacity) {
				this.chars = new char[capacity];
			}
		}

		void append(char[] source, int from, int count) {
			ensure(count);
			System.arraycopy(source, from, this.chars, this.length, count);
			this.length += count;
		}

		void append(String text) {
			ensure(text.length());
			text.getChars(0, text.length(), this.chars, this.length);
			this.length += text.length();
		}

		private void ensure(int more) {
			if (this.length + more > this.chars.length) {
				char[] bigger = new char[Math.max(this.length + more, this.chars.length * 2)];
				System.arraycopy(this.chars, 0, bigger, 0, this.length);
				this.chars = bigger;
			}
		}

	}

}
