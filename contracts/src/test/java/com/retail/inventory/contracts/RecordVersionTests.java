package com.retail.inventory.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordVersionTests {

	private static UploadRef upload(String eventTime, String sequencer) {
		return UploadRef.of("inventory-uploads", "berlin.csv", null, "e", sequencer, eventTime);
	}

	@Test
	void aLaterUploadIsNewerWhateverItsRowsAndSequencer() {
		String earlier = RecordVersion.of(upload("2026-11-21T10:15:30.123Z", "00FFFFFFFFFFFFFFFF"), 99_999);
		String later = RecordVersion.of(upload("2026-11-21T10:15:30.124Z", "0000000000000000A1"), 1);
		assertThat(later).isGreaterThan(earlier);
	}

	@Test
	void withinOneMillisecondTheSequencerOrdersChangesOfOneKeyAsNumbers() {
		String shorter = RecordVersion.of(upload("2026-11-21T10:15:30.123Z", "FF"), 1);
		String longer = RecordVersion.of(upload("2026-11-21T10:15:30.123Z", "0100"), 1);
		assertThat(longer).isGreaterThan(shorter);
		assertThat(RecordVersion.of(upload("2026-11-21T10:15:30.123Z", "0a1"), 1))
			.isEqualTo(RecordVersion.of(upload("2026-11-21T10:15:30.123Z", "A1"), 1));
	}

	@Test
	void withinOneUploadALaterRowWins() {
		UploadRef upload = upload("2026-11-21T10:15:30Z", "A1");
		assertThat(RecordVersion.of(upload, 10)).isGreaterThan(RecordVersion.of(upload, 9));
	}

	@Test
	void eventTimesOfAnyPrecisionOrOffsetCompareAsInstants() {
		assertThat(RecordVersion.of(upload("2026-11-21T10:15:30Z", null), 1))
			.isEqualTo(RecordVersion.of(upload("2026-11-21T11:15:30.000+01:00", null), 1));
		assertThat(RecordVersion.of(upload("2026-11-21T10:15:30.1234567Z", null), 1))
			.isGreaterThan(RecordVersion.of(upload("2026-11-21T10:15:30.123Z", null), 1));
	}

	@Test
	void anEventTimeWithoutAnOffsetIsUtc() {
		assertThat(RecordVersion.of(upload("2026-12-02T15:27:29.281167", null), 1))
			.isEqualTo(RecordVersion.of(upload("2026-12-02T15:27:29.281167Z", null), 1));
		assertThat(EventTime.parse("2026-12-02T15:27:29.281167")).hasToString("2026-12-02T15:27:29.281167Z");
	}

	@Test
	void anUploadWithoutAnEventTimeLosesToAnyWithOne() {
		assertThat(RecordVersion.of(upload(null, "FF"), 9))
			.isLessThan(RecordVersion.of(upload("1970-01-01T00:00:00Z", null), 1))
			.isEqualTo(RecordVersion.of(upload("not a time", "FF"), 9));
	}

	@Test
	void versionsHaveOneWidthSoStringOrderIsVersionOrder() {
		assertThat(RecordVersion.of(upload("2026-11-21T10:15:30.123Z", "0055AED6DCD90281E5"), 3))
			.isEqualTo("2026-11-21T10:15:30.123000Z|000000000000000055AED6DCD90281E5|000000000003")
			.hasSize(RecordVersion.of(upload(null, null), 0).length());
	}

}
