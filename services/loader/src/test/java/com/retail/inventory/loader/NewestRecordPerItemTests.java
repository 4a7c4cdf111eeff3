package com.retail.inventory.loader;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryRecordEvent;
import com.retail.inventory.contracts.UploadRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewestRecordPerItemTests {

	private static final UploadRef MONDAY = UploadRef.of("b", "k.csv", null, "e1", null, "2026-11-30T08:00:00Z");

	private static final UploadRef TUESDAY = UploadRef.of("b", "k.csv", null, "e2", null, "2026-12-01T08:00:00Z");

	@Test
	void keepsTheNewestVersionPerStoreItemWhateverTheStreamOrder() {
		var tuesday = InventoryRecordEvent.of("Berlin", "Echo", 0, TUESDAY, 1);
		var other = InventoryRecordEvent.of("Pusan", "Echo", 7, MONDAY, 1);
		var monday = InventoryRecordEvent.of("Berlin", "Echo", 5, MONDAY, 9);

		assertThat(NewestRecordPerItem.of(List.of(tuesday, other, monday))).containsExactly(tuesday, other);
	}

	@Test
	void withinOneUploadTheLaterRowWins() {
		var first = InventoryRecordEvent.of("Berlin", "Echo", 5, MONDAY, 1);
		var later = InventoryRecordEvent.of("Berlin", "Echo", 0, MONDAY, 9);
		assertThat(NewestRecordPerItem.of(List.of(later, first))).containsExactly(later);
	}

	@Test
	void sameItemInDifferentStoresIsKept() {
		var a = InventoryRecordEvent.of("Berlin", "Echo", 5, MONDAY, 1);
		var b = InventoryRecordEvent.of("Karachi", "Echo", 5, MONDAY, 1);
		assertThat(NewestRecordPerItem.of(List.of(a, b))).containsExactly(a, b);
	}

}
