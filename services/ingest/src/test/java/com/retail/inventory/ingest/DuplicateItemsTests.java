package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateItemsTests {

	@Test
	void anItemListedAgainIsReportedWithBothLinesAndTheLaterRowCounts() {
		DuplicateItems duplicates = new DuplicateItems(10);
		duplicates.check("Berlin", "Echo", 2);
		// "Aa" and "BB" share a String hash code: they are still two items.
		duplicates.check("Berlin", "Aa", 3);
		duplicates.check("Berlin", "BB", 4);
		duplicates.check("Berlin", "Echo", 5);
		duplicates.check("Hamburg", "Echo", 6);
		duplicates.check("Berlin", "Echo", 7);

		assertThat(duplicates.warnings()).containsExactly(
				"Berlin / Echo is listed on lines 2 and 5; the later row counts",
				"Berlin / Echo is listed on lines 5 and 7; the later row counts");
	}

	@Test
	void warningsAreListedUpToTheLimitAndCountedBeyondIt() {
		DuplicateItems duplicates = new DuplicateItems(1);
		for (int line = 1; line <= 4; line++) {
			duplicates.check("Berlin", "Echo", line);
		}
		assertThat(duplicates.warnings()).containsExactly(
				"Berlin / Echo is listed on lines 1 and 2; the later row counts",
				"2 more repetitions of items not listed");
	}

	@Test
	void itemsBeyondTheLimitAreNotRememberedAndTheReportSaysSo() {
		ItemOccurrences items = new ItemOccurrences(3);
		for (int i = 0; i < 10_000; i++) {
			items.put("Berlin", "Item " + i, i);
		}
		assertThat(items.full()).isTrue();
		assertThat(items.put("Berlin", "Item 2", 20_000)).isEqualTo(2);
		assertThat(items.put("Berlin", "Item 9999", 20_001)).isEqualTo(ItemOccurrences.NONE);
	}

}
