package com.retail.inventory.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;

class LastRecordBeforeTests {

	private static final Instant END = Instant.parse("2026-12-03T06:00:00Z");

	@Test
	void keepsTheLastRecordBeforeTheEndAndStopsAtTheFirstAtOrAfterIt() {
		LastRecordBefore scan = new LastRecordBefore(END);
		assertThat(scan.accept(page(0L, "i2", record("1", END.minusSeconds(5)), record("2", END.minusMillis(1)))))
			.isTrue();
		assertThat(scan.accept(page(0L, "i3", record("3", END), record("4", END.plusSeconds(1))))).isFalse();
		assertThat(scan.sequenceNumber()).isEqualTo("2");
		assertThat(scan.exhausted()).isFalse();
	}

	@Test
	void aWindowWithoutRecordsBeforeTheEndHasNone() {
		LastRecordBefore scan = new LastRecordBefore(END);
		assertThat(scan.accept(page(0L, "i2", record("7", END.plusSeconds(3))))).isFalse();
		assertThat(scan.sequenceNumber()).isNull();
	}

	@Test
	void anEmptyPageAtTheTipEndsTheWindowButNotWhileBehind() {
		LastRecordBefore scan = new LastRecordBefore(END);
		assertThat(scan.accept(page(0L, "i2", record("1", END.minusSeconds(9))))).isTrue();
		assertThat(scan.accept(page(4_000L, "i3"))).isTrue();
		assertThat(scan.accept(page(0L, "i4"))).isFalse();
		assertThat(scan.sequenceNumber()).isEqualTo("1");
	}

	@Test
	void aClosedShardEndsWithoutANextIterator() {
		LastRecordBefore scan = new LastRecordBefore(END);
		assertThat(scan.accept(page(0L, null, record("5", END.minusSeconds(1))))).isFalse();
		assertThat(scan.sequenceNumber()).isEqualTo("5");
	}

	@Test
	void givesUpAfterTheBoundOnCallsAndSaysSo() {
		LastRecordBefore scan = new LastRecordBefore(END);
		int calls = 1;
		while (scan.accept(page(1_000L, "i"))) {
			calls++;
		}
		assertThat(calls).isEqualTo(LastRecordBefore.MAX_CALLS);
		assertThat(scan.exhausted()).isTrue();
	}

	private static GetRecordsResponse page(Long millisBehind, String next, Record... records) {
		return GetRecordsResponse.builder()
			.millisBehindLatest(millisBehind)
			.nextShardIterator(next)
			.records(new ArrayList<>(List.of(records)))
			.build();
	}

	private static Record record(String sequence, Instant arrival) {
		return Record.builder().sequenceNumber(sequence).approximateArrivalTimestamp(arrival).build();
	}

}
