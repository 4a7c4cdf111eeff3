package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.retail.inventory.contracts.InventoryRecordEvent;
import com.retail.inventory.contracts.UploadRef;
import com.retail.inventory.contracts.UploadReport.RowError;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validation policy (README), rule by rule. */
class InventoryCsvReaderTests {

	private final UploadRef upload = UploadRef.of("inventory-uploads", "berlin.csv", null, "etag", "00A", null);

	private final InventoryCsvReader reader = new InventoryCsvReader(1000);

	private final List<InventoryRecordEvent> events = new ArrayList<>();

	private InventoryCsvReader.ReadReport read(String csv) {
		return this.reader.read(new StringReader(csv), this.upload, this.events::add);
	}

	private static List<String> reasons(InventoryCsvReader.ReadReport report) {
		return report.errors()
			.stream()
			.map((e) -> "row " + e.row() + " (line " + e.line() + "): " + e.reason())
			.toList();
	}

	@Test
	void emitsOneEventPerRowWithRowNumbers() {
		var report = read("store,item,count\nBerlin,Echo Dot,12\nBerlin,Echo (2nd Gen),19\nBerlin,Echo Plus,0\n");

		assertThat(report.rowsRead()).isEqualTo(3);
		assertThat(report.rowsEmitted()).isEqualTo(3);
		assertThat(report.rowsRejected()).isZero();
		assertThat(report.warnings()).isEmpty();
		assertThat(this.events).extracting(InventoryRecordEvent::item)
			.containsExactly("Echo Dot", "Echo (2nd Gen)", "Echo Plus");
		assertThat(this.events).extracting(InventoryRecordEvent::count).containsExactly(12L, 19L, 0L);
		assertThat(this.events).extracting(InventoryRecordEvent::rowNumber).containsExactly(1L, 2L, 3L);
		assertThat(this.events.get(0).upload()).isEqualTo(this.upload);
	}

	@Test
	void theHeaderNamesTheColumnsInAnyOrderAndCaseAndFurtherColumnsAreIgnoredWithAWarning() {
		var report = read("\uFEFF Count ,price,ITEM,Store,\nNote,\n3,9.99,Echo Dot,Berlin,x\n");

		assertThat(report.rowsRead()).isEqualTo(2);
		assertThat(this.events).singleElement().satisfies((e) -> {
			assertThat(e.store()).isEqualTo("Berlin");
			assertThat(e.item()).isEqualTo("Echo Dot");
			assertThat(e.count()).isEqualTo(3);
		});
		assertThat(report.warnings()).containsExactly("columns ignored: price, (column 5, no name)");
		assertThat(reasons(report)).containsExactly("row 1 (line 2): expected 5 values, as in the header, found 2");
	}

	@Test
	void aHeaderWithoutTheThreeColumnsRejectsTheFile() {
		assertThatThrownBy(() -> read("shop,product,qty\nBerlin,Echo,1\n"))
			.isInstanceOf(UnreadableUploadException.class)
			.hasMessageContaining("it must name the columns store, item and count");
		assertThatThrownBy(() -> read("store,item,count,count\nBerlin,Echo,1,2\n"))
			.isInstanceOf(UnreadableUploadException.class)
			.hasMessageContaining("names the column count twice");
		assertThat(this.events).isEmpty();
	}

	@Test
	void anEmptyOrHeaderOnlyFileIsReportedWithNoRows() {
		var empty = read("");
		assertThat(empty.rowsRead()).isZero();
		assertThat(empty.warnings()).containsExactly("the file is empty: no header, no rows");
		var headerOnly = read("store,item,count\n");
		assertThat(headerOnly.rowsRead()).isZero();
		assertThat(headerOnly.warnings()).containsExactly("the file has a header and no rows");
	}

	@Test
	void acceptsQuotedCommasCrlfSpacesAndQuotesInsideUnquotedValues() {
		read("store,item,count\r\n\"Pusan\",\"Echo, Show\", 4\r\n\r\nPusan ,TV 55\" screen,2\r\n");
		assertThat(this.events).extracting(InventoryRecordEvent::item).containsExactly("Echo, Show", "TV 55\" screen");
		assertThat(this.events).extracting(InventoryRecordEvent::store).containsExactly("Pusan", "Pusan");
	}

	@Test
	void valuesAreTrimmedEvenInsideQuotes() {
		read("store,item,count\n\"  Berlin \",\" Echo Dot\",\" 7 \"\n");
		assertThat(this.events).singleElement().satisfies((e) -> {
			assertThat(e.store()).isEqualTo("Berlin");
			assertThat(e.item()).isEqualTo("Echo Dot");
			assertThat(e.count()).isEqualTo(7);
		});
	}

	@Test
	void countIsAWholeNumberFromZeroToOneBillion() {
		var report = read("store,item,count\nB,a,0\nB,b,1000000000\nB,c,1000000001\nB,d,-1\nB,e,1.5\nB,f,\nB,g,007\n");

		assertThat(this.events).extracting(InventoryRecordEvent::count).containsExactly(0L, 1_000_000_000L, 7L);
		assertThat(reasons(report)).containsExactly(
				"row 3 (line 4): count '1000000001' is not a whole number from 0 to 1,000,000,000",
				"row 4 (line 5): count '-1' is not a whole number from 0 to 1,000,000,000",
				"row 5 (line 6): count '1.5' is not a whole number from 0 to 1,000,000,000",
				"row 6 (line 7): count '' is not a whole number from 0 to 1,000,000,000");
	}

	@Test
	void storeAndItemAreNonEmptyAtMost128CharactersAndFreeOfControlCharacters() {
		String name128 = "x".repeat(128);
		var report = read("store,item,count\n" + name128 + ",Echo,1\n" + name128 + "y,Echo,1\nBerlin,,3\n"
				+ "Berlin,\"Echo\tDot\",3\n\" \",Echo,2\n" + name128 + "," + name128 + ",1\n");

		assertThat(this.events).singleElement().satisfies((e) -> assertThat(e.store()).isEqualTo(name128));
		assertThat(reasons(report)).containsExactly(
				"row 2 (line 3): store is 129 characters long; at most 128 are accepted",
				"row 3 (line 4): item is empty", "row 4 (line 5): item contains the control character U+0009",
				"row 5 (line 6): store is empty",
				"row 6 (line 7): store and item are 256 characters together; at most 255 are accepted");
	}

	@Test
	void anItemListedTwiceCountsItsLastRow() {
		read("store,item,count\nBerlin,Echo,5\nPusan,Echo,1\nBerlin,Echo,0\n");

		assertThat(this.events).hasSize(3);
		assertThat(this.events.get(2).version()).isGreaterThan(this.events.get(0).version());
	}

	@Test
	void aRowWithBadQuotingIsRejectedWithItsLineAndTheRestOfTheFileIsRead() {
		var report = read("store,item,count\nBerlin,Echo Dot,1\nBerlin,\"Echo\" Plus,3\nBerlin,\"Echo\nShow\",4\n"
				+ "Berlin,Echo Look,5\n");

		assertThat(this.events).extracting(InventoryRecordEvent::item).containsExactly("Echo Dot", "Echo Look");
		assertThat(reasons(report)).containsExactly(
				"row 2 (line 3): bad quoting on line 3: 'P' follows a closing quote (a quote inside a quoted value is "
						+ "written \"\")",
				"row 3 (line 5): item contains the control character U+000A");
		// Line numbers after the rejected rows are still the file's.
		assertThat(this.events.get(1).rowNumber()).isEqualTo(4);
		assertThat(report.errors()).extracting(RowError::line).containsExactly(3L, 5L);
	}

	@Test
	void aRejectedRowKeepsItsTextForTheReportAndEveryRejectedRowReachesTheRejectedRowsFile() {
		List<String> rejected = new ArrayList<>();
		InventoryCsvReader.RejectedRows sink = new InventoryCsvReader.RejectedRows() {
			@Override
			public void header(List<String> columns) {
				rejected.add("header " + columns);
			}

			@Override
			public void row(List<String> values, RowError error) {
				rejected.add(error.line() + " " + values);
			}
		};
		String many = "Berlin,Echo,x\n".repeat(1200);
		var report = this.reader.read(
				new StringReader("store,item,count\nBerlin,\"Echo\"Plus,1\nBerlin,Echo Dot,-3\n" + many), this.upload,
				(event, line) -> this.events.add(event), sink);

		assertThat(report.errors().get(0).text()).isEqualTo("Berlin,\"Echo\"Plus,1");
		assertThat(report.errors().get(1).text()).isEqualTo("Berlin,Echo Dot,-3");
		assertThat(report.rowsRejected()).isEqualTo(1202);
		assertThat(report.errors()).hasSize(InventoryCsvReader.MAX_MESSAGES);
		assertThat(report.errorsTruncated()).isTrue();
		assertThat(rejected).hasSize(1203);
		assertThat(rejected.subList(0, 3)).containsExactly("header [store, item, count]", "2 [Berlin,\"Echo\"Plus,1]",
				"3 [Berlin, Echo Dot, -3]");
		assertThat(rejected.get(1202)).isEqualTo("1203 [Berlin, Echo, x]");
	}

	@Test
	void aRowTooLongToHoldKeepsOnlyItsStart() {
		var report = read("store,item,count\nBerlin," + "x".repeat(5000) + ",1\nBerlin,Echo,2\n");

		assertThat(report.errors()).singleElement().satisfies((e) -> {
			assertThat(e.reason()).startsWith("the row starting on line 2 is");
			assertThat(e.text()).hasSize(200).startsWith("Berlin,xxx");
		});
		assertThat(this.events).extracting(InventoryRecordEvent::item).containsExactly("Echo");
	}

	@Test
	void theReportNamesTheStoresOfTheAcceptedRows() {
		var report = read("store,item,count\nBerlin,Echo,1\nBerlin,Dot,1\nHamburg,Echo,1\nAachen,Echo,x\n");

		assertThat(report.stores()).containsExactly("Berlin", "Hamburg");
		assertThat(report.storeCount()).isEqualTo(2);
	}

	@Test
	void aFileUnderAStorePrefixTakesThatStoresRowsOnly() {
		UploadRef scoped = UploadRef.of("inventory-uploads", "stores/Berlin/monday.csv", null, "e", null, null);
		var report = this.reader.read(
				new StringReader("store,item,count\nberlin,Echo,1\nHamburg,Echo,2\nBerlin,Dot,3\n"), scoped,
				this.events::add);

		assertThat(this.events).extracting(InventoryRecordEvent::count).containsExactly(1L, 3L);
		assertThat(reasons(report)).containsExactly(
				"row 2 (line 3): this file is under stores/Berlin/, which takes only Berlin's rows, not Hamburg's");
		assertThat(InventoryCsvReader.storeOf("stores/Berlin/a/b.csv")).isEqualTo("Berlin");
		assertThat(InventoryCsvReader.storeOf("stores/berlin.csv")).isNull();
		assertThat(InventoryCsvReader.storeOf("stores//x.csv")).isNull();
		assertThat(InventoryCsvReader.storeOf("berlin.csv")).isNull();
	}

	@Test
	void aQuoteStillOpenAtTheEndOfTheFileRejectsOnlyThatRow() {
		var report = read("store,item,count\nBerlin,Echo Dot,1\nBerlin,\"Echo\n");

		assertThat(this.events).extracting(InventoryRecordEvent::item).containsExactly("Echo Dot");
		assertThat(reasons(report)).containsExactly("row 2 (line 4): a quoted value opened on line 3 is never closed");
	}

	@Test
	void aRowLongerThanTheLimitIsRejectedWithItsLineAndTheRestOfTheFileIsRead() {
		var report = read(
				"store,item,count\nBerlin,Echo Dot,1\nBerlin," + "x".repeat(5000) + ",2\nBerlin,Echo Plus,3\n");

		assertThat(this.events).extracting(InventoryRecordEvent::item).containsExactly("Echo Dot", "Echo Plus");
		assertThat(this.events).extracting(InventoryRecordEvent::rowNumber).containsExactly(1L, 3L);
		assertThat(reasons(report)).containsExactly(
				"row 2 (line 3): the row starting on line 3 is 5,009 characters long; at most 1,000 are accepted");
	}

	@Test
	void aQuoteThatNeverClosesCostsRejectedRowsNotTheMemoryOfTheFile() {
		var report = read("store,item,count\nBerlin,Echo Dot,1\nBerlin,\"Echo\n" + "more,lines,1\n".repeat(1000));

		assertThat(this.events).extracting(InventoryRecordEvent::item).containsExactly("Echo Dot");
		assertThat(report.rowsRejected()).isOne();
		assertThat(report.errors().get(0).reason()).startsWith("the row starting on line 3 is");
	}

	@Test
	void theErrorListStopsAtAThousandButTheCountsStayExact() {
		var report = read("store,item,count\n" + "Berlin,Echo,many\n".repeat(1500));

		assertThat(report.rowsRejected()).isEqualTo(1500);
		assertThat(report.errors()).hasSize(InventoryCsvReader.MAX_MESSAGES);
		assertThat(report.errorsTruncated()).isTrue();
	}

	@Test
	void aFailureToReadTheInputIsNotTheFilesFault() {
		Reader failing = new Reader() {
			private final Reader start = new StringReader("store,item,count\nBerlin,Echo Dot,1\n");

			@Override
			public int read(char[] buffer, int offset, int length) throws IOException {
				int n = this.start.read(buffer, offset, length);
				if (n < 0) {
					throw new IOException("Connection reset");
				}
				return n;
			}

			@Override
			public void close() {
			}
		};
		assertThatThrownBy(() -> this.reader.read(failing, this.upload, this.events::add))
			.isInstanceOf(UncheckedIOException.class)
			.hasRootCauseMessage("Connection reset");
	}

}
