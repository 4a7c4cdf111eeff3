package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.retail.inventory.contracts.InventoryRecordEvent;
import com.retail.inventory.contracts.UploadRef;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryCsvReaderTests {

	private final UploadRef upload = UploadRef.of("inventory-uploads", "berlin.csv", null, "etag", "00A", null);

	private final InventoryCsvReader reader = new InventoryCsvReader();

	private final List<InventoryRecordEvent> events = new ArrayList<>();

	private InventoryCsvReader.ReadReport read(String csv) {
		return reader.read(new StringReader(csv), upload, events::add);
	}

	@Test
	void emitsOneEventPerRowWithRowNumbers() {
		var report = read("store,item,count\nBerlin,Echo Dot,12\nBerlin,Echo (2nd Gen),19\nBerlin,Echo Plus,0\n");

		assertThat(report.rowsEmitted()).isEqualTo(3);
		assertThat(report.rejectedRows()).isEmpty();
		assertThat(events).extracting(InventoryRecordEvent::item)
			.containsExactly("Echo Dot", "Echo (2nd Gen)", "Echo Plus");
		assertThat(events).extracting(InventoryRecordEvent::count).containsExactly(12L, 19L, 0L);
		assertThat(events).extracting(InventoryRecordEvent::rowNumber).containsExactly(1L, 2L, 3L);
		assertThat(events.get(0).upload()).isEqualTo(upload);
		assertThat(events.get(0).partitionKey()).isEqualTo("Berlin/Echo Dot");
	}

	@Test
	void acceptsQuotedCommasCrlfBomSpacesAndHeaderCase() {
		read("\uFEFFStore, Item ,COUNT\r\n\"Pusan\",\"Echo, Show\", 4\r\n\r\n");
		assertThat(events).singleElement().satisfies(e -> {
			assertThat(e.store()).isEqualTo("Pusan");
			assertThat(e.item()).isEqualTo("Echo, Show");
			assertThat(e.count()).isEqualTo(4);
		});
	}

	@Test
	void reportsBadRowsAndKeepsTheGoodOnes() {
		var report = read("store,item,count\nBerlin,Echo Dot,-1\nBerlin,,3\nBerlin,Echo Show,many\nBerlin,Echo Look\n"
				+ "Berlin,Echo Plus,7\n");

		assertThat(events).extracting(InventoryRecordEvent::item).containsExactly("Echo Plus");
		assertThat(events.get(0).rowNumber()).isEqualTo(5);
		assertThat(report.rejectedRows()).containsExactly("row 1 (line 2): count '-1' is not a whole number >= 0",
				"row 2 (line 3): item is empty", "row 3 (line 4): count 'many' is not a whole number >= 0",
				"row 4 (line 5): expected 3 values (store,item,count), found 2");
	}

	@Test
	void rejectsAFileWithTheWrongHeader() {
		assertThatThrownBy(() -> read("shop,product,qty\nBerlin,Echo,1\n"))
			.isInstanceOf(UnreadableUploadException.class)
			.hasMessageContaining("expected store,item,count");
		assertThat(events).isEmpty();
	}

	@Test
	void rejectsAnEmptyFile() {
		assertThatThrownBy(() -> read("")).isInstanceOf(UnreadableUploadException.class).hasMessageContaining("empty");
	}

	@Test
	void rejectsBrokenCsv() {
		assertThatThrownBy(() -> read("store,item,count\nBerlin,\"Echo,3\n"))
			.isInstanceOf(UnreadableUploadException.class)
			.hasMessageContaining("not valid CSV");
	}

}
