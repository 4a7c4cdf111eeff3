package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvRowGuardTests {

	private static String through(String text, int maxRowChars) throws IOException {
		StringWriter out = new StringWriter();
		try (Reader guard = new CsvRowGuard(new StringReader(text), maxRowChars)) {
			guard.transferTo(out);
		}
		return out.toString();
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
				.append("\nnext line\",")
				.append(random.nextInt(1000))
				.append((i % 3 == 0) ? "\r\n" : "\n");
		}
		csv.append("last,row,1");
		assertThat(through(csv.toString(), 120)).isEqualTo(csv.toString());
	}

	@Test
	void aRowOverTheLimitBecomesOneMarkerRowAndReadingGoesOn() throws IOException {
		String out = through("a,b,1\n" + "x".repeat(50_000) + "\nc,d,2\n", 100);

		String[] lines = out.split("\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[0]).isEqualTo("a,b,1");
		assertThat(CsvRowGuard.oversizeReason(lines[1]))
			.isEqualTo("the row starting on line 2 is 50,000 characters long; at most 100 are accepted");
		assertThat(lines[2]).isEqualTo("c,d,2");
	}

	@Test
	void aQuotedValueSpanningLinesCountsAsOneRow() throws IOException {
		String quoted = "a,\"" + "line\n".repeat(30) + "\",1\n";
		assertThat(CsvRowGuard.oversizeReason(through(quoted + "b,c,2\n", 100).split("\n")[0]))
			.startsWith("the row starting on line 1 is 156 characters long");
		assertThat(through(quoted, 200)).isEqualTo(quoted);
	}

	@Test
	void anUnterminatedQuoteSwallowsTheRestOfTheFileIntoOneMarker() throws IOException {
		String out = through("a,b,1\nc,\"d\n" + "e,f,1\n".repeat(10_000), 100);
		assertThat(out.split("\n")).hasSize(2);
		assertThat(CsvRowGuard.oversizeReason(out.split("\n")[1])).startsWith("the row starting on line 2 is");
	}

	@Test
	void quotesInsideAnUnquotedValueAreCharacters() throws IOException {
		String csv = "a,TV 55\" screen,1\nb,c,2\n";
		assertThat(through(csv, 20)).isEqualTo(csv);
	}

	@Test
	void ordinaryValuesAreNotMarkers() {
		assertThat(CsvRowGuard.oversizeReason("Berlin")).isNull();
	}

}
