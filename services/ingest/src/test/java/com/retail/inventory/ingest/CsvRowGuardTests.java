package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvRowGuardTests {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setIgnoreSurroundingSpaces(true)
		.setIgnoreEmptyLines(true)
		.get();

	private static String through(String text, int maxRowChars) throws IOException {
		StringWriter out = new StringWriter();
		try (Reader guard = new CsvRowGuard(new StringReader(text), maxRowChars)) {
			guard.transferTo(out);
		}
		return out.toString();
	}

	/** What the parser makes of the guarded text: first value per row, and its line. */
	private static List<String> parsed(String text, int maxRowChars) throws IOException {
		try (CSVParser parser = CSVParser.parse(new CsvRowGuard(new StringReader(text), maxRowChars), FORMAT)) {
			return parser.stream().map((CSVRecord row) -> {
				String reason = CsvRowGuard.rejectionReason(row.get(0));
				return ((reason != null) ? "REJECTED " + reason.strip() : row.get(0)) + " @"
						+ parser.getCurrentLineNumber();
			}).toList();
		}
	}

	@Test
	void rowsWithinTheLimitPassThroughUnchangedWhateverTheChunking() throws IOException {
		Random random = new Random(42);
		StringBuilder csv = new StringBuilder("store,item,count\r\n");
		for (int i = 0; i < 20_000; i++) {
			csv.append("Store ")
				.append(i % 7)
				.append(",\"Item, ")
				.append("\"\"q\"\" ".repeat(random.nextInt(5)))
				.append("\nnext line\"  ,")
				.append(random.nextInt(1000))
				.append((i % 3 == 0) ? "\r\n" : "\n");
		}
		csv.append("last,row,1");
		assertThat(through(csv.toString(), 120)).isEqualTo(csv.toString());
	}

	@Test
	void aRowOverTheLimitBecomesOneRejectedRowAndLineNumbersStayTheFiles() throws IOException {
		assertThat(parsed("a,b,1\n" + "x".repeat(50_000) + "\nc,d,2\n", 100)).containsExactly("a @1",
				"REJECTED the row starting on line 2 is 50,000 characters long; at most 100 are accepted @2", "c @3");
	}

	@Test
	void aQuotedValueSpanningLinesCountsAsOneRow() throws IOException {
		String quoted = "a,\"" + "line\n".repeat(30) + "\",1\n";
		assertThat(parsed(quoted + "b,c,2\n", 100)).containsExactly(
				"REJECTED the row starting on line 1 is 156 characters long; at most 100 are accepted @31", "b @32");
		assertThat(through(quoted, 200)).isEqualTo(quoted);
	}

	@Test
	void badQuotingRejectsTheRowAndTheRestIsParsed() throws IOException {
		assertThat(parsed("a,\"b\"c,1\r\nd,\"e\nf\" ,2\r\ng,h,3\r\n", 100)).containsExactly(
				"REJECTED bad quoting on line 1: 'c' follows a closing quote (a quote inside a quoted value is written \"\") @1",
				"d @3", "g @4");
	}

	@Test
	void aQuoteOpenAtTheEndOfTheFileRejectsThatRow() throws IOException {
		assertThat(parsed("a,b,1\nc,\"d\ne", 100)).containsExactly("a @1",
				"REJECTED a quoted value opened on line 2 is never closed @3");
	}

	@Test
	void anUnterminatedQuoteSwallowsTheRestOfTheFileIntoOneRejectedRow() throws IOException {
		List<String> rows = parsed("a,b,1\nc,\"d\n" + "e,f,1\n".repeat(10_000), 100);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)).startsWith("REJECTED the row starting on line 2 is");
	}

	@Test
	void quotesInsideAnUnquotedValueAreCharacters() throws IOException {
		String csv = "a,TV 55\" screen,1\nb,c,2\n";
		assertThat(through(csv, 20)).isEqualTo(csv);
	}

	@Test
	void ordinaryValuesAreNotMarkers() {
		assertThat(CsvRowGuard.rejectionReason("Berlin")).isNull();
	}

}
