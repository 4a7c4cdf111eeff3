package com.retail.inventory.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Bounds the memory a CSV file can make the parser use: passes the file through to the
 * parser unchanged, except that a row longer than a limit is replaced by a one-value
 * marker row, so it is rejected with its line number while the rest of the file is read
 * in constant memory. Without it, one line of a gigabyte, or an opening quote that never
 * closes, would be buffered whole by the parser.
 *
 * <p>
 * A row ends at a line break outside quotes. Quotes are tracked as commons-csv reads them
 * in ingest's format: a quote opens a quoted value only at the start of a value (after
 * optional spaces), {@code ""} inside one is a quote, and a quote anywhere else is a
 * plain character. The guard only finds where rows end; the parser still does all the
 * parsing.
 */
final class CsvRowGuard extends Reader {

	/** Starts every marker; a real value would be rejected for its control character. */
	private static final String MARKER = "\u0000row-too-long:";

	private enum State {

		VALUE_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED

	}

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

	private State state = State.VALUE_START;

	private long line = 1;

	private boolean afterCarriageReturn;

	/** 1-based line the current row starts on. */
	private long rowStartLine = 1;

	/** While skipping a row that is too long: its length so far; -1 otherwise. */
	private long skipped = -1;

	private boolean eof;

	CsvRowGuard(Reader in, int maxRowChars) {
		this.in = in;
		this.maxRowChars = maxRowChars;
		this.held = new char[maxRowChars];
	}

	/**
	 * @param value the first value of a parsed row
	 * @return why the row is not what the file holds, when the value is the marker of a
	 * row that was too long; null for any other value
	 */
	static String oversizeReason(String value) {
		if (value == null || !value.startsWith(MARKER)) {
			return null;
		}
		String[] parts = value.substring(MARKER.length()).split(":");
		return String.format("the row starting on line %s is %,d characters long; at most %,d are accepted", parts[0],
				Long.parseLong(parts[1]), Long.parseLong(parts[2]));
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
		out.reset(this.heldLength + Math.max(n, 0) + 64);
		if (n < 0) {
			this.eof = true;
			if (this.skipped >= 0) {
				out.append(marker());
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
				this.skipped++;
				if (rowEnds) {
					this.skipped--; // the line break is not part of the row
					out.append(marker());
					this.skipped = -1;
					this.rowStartLine = this.line;
					from = i + 1;
				}
				continue;
			}
			int rowLength = this.heldLength + (i - from + 1);
			if (rowEnds) {
				out.append(this.held, 0, this.heldLength);
				out.append(this.input, from, i - from + 1);
				this.heldLength = 0;
				this.rowStartLine = this.line;
				from = i + 1;
			}
			else if (rowLength > this.maxRowChars) {
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
	 * Moves the quote state over one character.
	 * @return whether the character ends a row
	 */
	private boolean advance(char c) {
		boolean lineBreak = c == '\r' || c == '\n';
		if (c == '\r' || (c == '\n' && !this.afterCarriageReturn)) {
			this.line++;
		}
		this.afterCarriageReturn = c == '\r';
		switch (this.state) {
			case VALUE_START -> {
				if (c == '"') {
					this.state = State.QUOTED;
				}
				else if (c != ' ' && c != '\t' && c != ',' && !lineBreak) {
					this.state = State.UNQUOTED;
				}
			}
			case UNQUOTED -> {
				if (c == ',') {
					this.state = State.VALUE_START;
				}
			}
			case QUOTED -> {
				if (c == '"') {
					this.state = State.QUOTE_IN_QUOTED;
				}
				return false;
			}
			case QUOTE_IN_QUOTED -> {
				if (c == '"') {
					this.state = State.QUOTED;
					return false;
				}
				this.state = (c == ',') ? State.VALUE_START : State.UNQUOTED;
			}
		}
		if (lineBreak) {
			this.state = State.VALUE_START;
		}
		return lineBreak;
	}

	private String marker() {
		return MARKER + this.rowStartLine + ":" + this.skipped + ":" + this.maxRowChars + "\n";
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
