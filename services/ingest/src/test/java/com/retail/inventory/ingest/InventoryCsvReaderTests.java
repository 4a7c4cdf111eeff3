package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.retail.inventory.contracts.InventoryRecordEvent;
import com.retail.inventory.contracts.UploadRef;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryCsvReaderTests {

	private final UploadRef upload = UploadRef.of("inventory-uploads", "berlin.csv", null, "etag", "00A", null);

	private final InventoryCsvReader reader = new InventoryCsvReader(200);

	private final List<InventoryRecordEvent> events = new ArrayList<>();

	private InventoryCsvReader.ReadReport read(String csv) {
		return this.reader.read(new StringReader(csv), this.upload, this.events::add);
	}

	@Test
	void emitsOneEventPerRowWithRowNumbers() {
		var report = read("store,item,count\nBerlin,Echo Dot,12\nBerlin,Echo (2nd Gen),19\nBerlin,Echo Plus,0\n");

		assertThat(report.rowsRead()).isEqualTo(3);
		assertThat(report.rowsEmitted()).isEqualTo(3);
		assertThat(report.rowsRejected()).isZero();
		assertThat(this.events).extracting(InventoryRecordEvent::item)
			.containsExactly("Echo Dot", "Echo (2nd Gen)", "Echo Plus");
		assertThat(this.events).extracting(InventoryRecordEvent::count).containsExactly(12L, 19L, 0L);
		assertThat(this.events).extracting(InventoryRecordEvent::rowNumber).containsExactly(1L, 2L, 3L);
		assertThat(this.events.get(0).upload()).isEqualTo(this.upload);
		assertThat(this.events.get(0).partitionKey()).isEqualTo("Berlin/Echo Dot");
	}

	@Test
	void acceptsQuotedCommasCrlfBomSpacesHeaderCaseAndQuotesInsideValues() {
		read("\uFEFFStore, Item ,COUNT\r\n\"Pusan\",\"Echo, Show\", 4\r\n\r\nPusan,TV 55\" screen,2\r\n");
		assertThat(this.events).extracting(InventoryRecordEvent::item).containsExactly("Echo, Show", "TV 55\" screen");
		assertThat(this.events.get(0).store()).isEqualTo("Pusan");
		assertThat(this.events.get(0).count()).isEqualTo(4);
	}

	@Test
	void reportsBadRowsAndKeepsTheGoodOnes() {
		var report = read("store,item,count\nBerlin,Echo Dot,-1\nBerlin,,3\nBerlin,Echo Show,many\nBerlin,Echo Look\n"
				+ "Berlin,Echo Plus,7\n");

		assertThat(this.events).extracting(InventoryRecordEvent::item).containsExactly("Echo Plus");
		assertThat(this.events.get(0).rowNumber()).isEqualTo(5);
		assertThat(report.rowsRead()).isEqualTo(5);
		assertThat(report.rowsRejected()).isEqualTo(4);
		assertThat(report.reasons()).containsExactly("row 1 (line 2): count '-1' is not a whole number >= 0",
				"row 2 (line 3): item is empty", "row 3 (line 4): count 'many' is not a whole number >= 0",
				"row 4 (line 5): expected 3 values (store,item,count), found 2");
	}

	@Test
	void aRowLongerThanTheLimitIsRejectedWithItsLineAndTheRestOfTheFileIsRead() {
		var report = read(
				"store,item,count\nBerlin,Echo Dot,1\nBerlin," + "x".repeat(500) + ",2\nBerlin,Echo Plus,3\n");

		assertThat(this.events).extracting(InventoryRecordEvent::item).containsExactly("Echo Dot", "Echo Plus");
		assertThat(this.events).extracting(InventoryRecordEvent::rowNumber).containsExactly(1L, 3L);
		assertThat(report.reasons()).singleElement()
			.asString()
			.startsWith("row 2 (line 3): the row starting on line 3 is 509 characters long; at most 200");
	}

	@Test
	void aQuoteThatNeverClosesCostsOneRejectedRowNotTheMemoryOfTheFile() {
		var report = read("store,item,count\nBerlin,Echo Dot,1\nBerlin,\"Echo\n" + "more,lines,1\n".repeat(1000));

		assertThat(this.events).extracting(InventoryRecordEvent::item).containsExactly("Echo Dot");
		assertThat(report.rowsRejected()).isOne();
		assertThat(report.reasons()).singleElement().asString().contains("the row starting on line 3 is");
	}

	@Test
	void storeAndItemMustFitAKinesisPartitionKey() {
		var report = new InventoryCsvReader(1000).read(new StringReader("store,item,count\n" + "S".repeat(100) + ","
				+ "I".repeat(155) + ",1\n" + "S".repeat(100) + "," + "I".repeat(156) + ",1\n"), this.upload,
				this.events::add);

		assertThat(this.events).singleElement().satisfies((e) -> assertThat(e.partitionKey()).hasSize(256));
		assertThat(report.reasons()).singleElement()
			.asString()
			.endsWith("store and item are 256 characters together; at most 255 are accepted");
	}

	@Test
	void rejectsAFileWithTheWrongHeader() {
		assertThatThrownBy(() -> read("shop,product,qty\nBerlin,Echo,1\n"))
			.isInstanceOf(UnreadableUploadException.class)
			.hasMessageContaining("expected store,item,count");
		assertThat(this.events).isEmpty();
	}

	@Test
	void rejectsAnEmptyFile() {
		assertThatThrownBy(() -> read("")).isInstanceOf(UnreadableUploadException.class).hasMessageContaining("empty");
	}

	@Test
	void csvThatBreaksOffRejectsTheRestAfterEmittingTheRowsBeforeIt() {
		assertThatThrownBy(() -> read("store,item,count\nBerlin,Echo Dot,1\nBerlin,\"Echo\"x,3\nBerlin,Echo Plus,2\n"))
			.isInstanceOf(UnreadableUploadException.class)
			.hasMessageContaining("not valid CSV from line 3");
		assertThat(this.events).extracting(InventoryRecordEvent::item).containsExactly("Echo Dot");
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
