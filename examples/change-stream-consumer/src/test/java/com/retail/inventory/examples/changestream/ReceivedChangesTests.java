package com.retail.inventory.examples.changestream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The item's {@code Version} decides which change is the latest, whatever order and how
 * often the stream delivers them.
 */
class ReceivedChangesTests {

	private static final String V1 = "2026-12-02T10:00:00.000000Z|0000000000000000000000000000000A|000000000003";

	private static final String V2 = "2026-12-02T11:00:00.000000Z|0000000000000000000000000000000B|000000000003";

	private static final String V3 = "2026-12-02T12:00:00.000000Z|0000000000000000000000000000000C|000000000001";

	private final ReceivedChanges changes = new ReceivedChanges();

	@Test
	void duplicatesAndLateOlderChangesAreReceivedButNotApplied() {
		ItemChange insert = change("e-1", "INSERT", null, 4L, V1);
		ItemChange outOfStock = change("e-2", "MODIFY", 4L, 0L, V2);

		assertThat(this.changes.accept(insert)).isTrue();
		assertThat(this.changes.accept(outOfStock)).isTrue();
		assertThat(this.changes.accept(outOfStock)).as("delivered twice").isFalse();
		assertThat(this.changes.accept(insert)).as("older, delivered late").isFalse();

		assertThat(this.changes.latest("Berlin", "Echo Dot")).contains(outOfStock);
		assertThat(this.changes.received()).containsExactly(insert, outOfStock, outOfStock, insert);
	}

	@Test
	void aNewerUploadWithTheSameCountIsApplied() {
		this.changes.accept(change("e-2", "MODIFY", 4L, 0L, V2));
		ItemChange sameCount = change("e-3", "MODIFY", 0L, 0L, V3);
		assertThat(this.changes.accept(sameCount)).isTrue();
		assertThat(this.changes.latest("Berlin", "Echo Dot")).contains(sameCount);
	}

	@Test
	void aRemoveSupersedesTheItemItRemovedAndNothingOlder() {
		this.changes.accept(change("e-2", "MODIFY", 4L, 0L, V2));
		ItemChange remove = change("e-4", "REMOVE", 0L, null, V2);
		assertThat(this.changes.accept(remove)).isTrue();
		assertThat(this.changes.accept(remove)).as("delivered twice").isFalse();
		assertThat(this.changes.accept(change("e-2", "MODIFY", 4L, 0L, V2))).as("late").isFalse();
		assertThat(this.changes.latest("Berlin", "Echo Dot")).contains(remove);
		assertThat(this.changes.accept(change("e-5", "INSERT", null, 9L, V3))).as("stocked again").isTrue();
	}

	@Test
	void withoutVersionsTheCreationTimeDecides() {
		ItemChange first = new ItemChange("e-1", "INSERT", "Pusan", "Echo Show", null, 1L, null, 1000L);
		ItemChange second = new ItemChange("e-2", "MODIFY", "Pusan", "Echo Show", 1L, 2L, null, 2000L);
		assertThat(this.changes.accept(second)).isTrue();
		assertThat(this.changes.accept(first)).isFalse();
	}

	private static ItemChange change(String eventId, String eventName, Long oldCount, Long newCount, String version) {
		return new ItemChange(eventId, eventName, "Berlin", "Echo Dot", oldCount, newCount, version, 1764669600000L);
	}

}
