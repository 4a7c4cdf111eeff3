package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryChangeRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ChangedStoresTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static byte[] change(String store, String item, String count) {
		Map<String, Map<String, Object>> keys = Map.of("Store", Map.of("S", store), "Item", Map.of("S", item));
		Map<String, Map<String, Object>> image = Map.of("Store", Map.of("S", store), "Item", Map.of("S", item), "Count",
				Map.of("N", count));
		return JSON.writeValueAsBytes(new InventoryChangeRecord("us-east-1", "evt-" + store + item,
				InventoryChangeRecord.MODIFY, null, "application/json", "Inventory",
				new InventoryChangeRecord.Change(1764670000000L, keys, image, null, 100), "aws:dynamodb"));
	}

	@Test
	void namesEachChangedStoreOnceAndSkipsWhatIsNotAChangeRecord() {
		assertThat(new ChangedStores().of(List.of(change("Berlin", "Echo Dot", "1"), change("Pusan", "Echo Show", "0"),
				"garbage".getBytes(StandardCharsets.UTF_8), "{\"eventID\":\"x\"}".getBytes(StandardCharsets.UTF_8),
				change("Berlin", "Echo Plus", "3"))))
			.containsExactly("Berlin", "Pusan");
	}

}
