package com.retail.inventory.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.retail.inventory.contracts.InventoryRecordEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;

class InventoryBatchLoaderTests {

	private final List<List<InventoryRecordEvent>> written = new ArrayList<>();

	private final InventoryBatchLoader loader = new InventoryBatchLoader(
			new InventoryTableWriter(null, "Inventory", null, null) {
				@Override
				int write(List<InventoryRecordEvent> events) {
					InventoryBatchLoaderTests.this.written.add(events);
					return 1;
				}
			});

	private static Record record(String data) {
		return Record.builder().data(SdkBytes.fromUtf8String(data)).partitionKey("p").sequenceNumber("1").build();
	}

	private static Record event(String store, String item, long count, long row) {
		return record("""
				{"schemaVersion":1,"store":"%s","item":"%s","count":%d,"rowNumber":%d,
				 "upload":{"id":"b/k#e","bucket":"b","key":"k","eTag":"e"}}""".formatted(store, item, count, row));
	}

	@Test
	void writesTheLastRecordPerStoreItemAndSkipsRecordsThatBreakTheContract() {
		int loaded = this.loader.load(List.of(event("Berlin", "Echo", 5, 1), record("not json"),
				event("Pusan", "Echo", 7, 1), event("Berlin", "Echo", 0, 2)));

		assertThat(loaded).isEqualTo(2);
		assertThat(this.written).singleElement()
			.satisfies(
					(events) -> assertThat(events).extracting(InventoryRecordEvent::store, InventoryRecordEvent::count)
						.containsExactly(tuple("Pusan", 7L), tuple("Berlin", 0L)));
	}

}
