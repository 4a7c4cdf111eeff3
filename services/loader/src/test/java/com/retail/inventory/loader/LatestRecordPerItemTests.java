package com.retail.inventory.loader;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryRecordEvent;
import com.retail.inventory.contracts.UploadRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestRecordPerItemTests {

	private static final UploadRef UPLOAD = UploadRef.of("b", "k.csv", null, "e", null, null);

	@Test
	void keepsTheLastEventPerStoreItemInStreamOrder() {
		var first = InventoryRecordEvent.of("Berlin", "Echo", 5, UPLOAD, 1);
		var other = InventoryRecordEvent.of("Pusan", "Echo", 7, UPLOAD, 1);
		var later = InventoryRecordEvent.of("Berlin", "Echo", 0, UPLOAD, 9);

		assertThat(LatestRecordPerItem.of(List.of(first, other, later))).containsExactly(other, later);
	}

	@Test
	void sameItemInDifferentStoresIsKept() {
		var a = InventoryRecordEvent.of("Berlin", "Echo", 5, UPLOAD, 1);
		var b = InventoryRecordEvent.of("Karachi", "Echo", 5, UPLOAD, 1);
		assertThat(LatestRecordPerItem.of(List.of(a, b))).containsExactly(a, b);
	}

}
