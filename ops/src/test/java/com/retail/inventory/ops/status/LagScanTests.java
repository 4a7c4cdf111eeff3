package com.retail.inventory.ops.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;

class LagScanTests {

	private static final ConsumerGroup LOADER = new ConsumerGroup("loader", "inventory-records", "Leases");

	private static final Instant NOW = Instant.parse("2026-12-03T05:00:00Z");

	@Test
	void nothingAfterTheCheckpointIsZeroBehind() {
		LagScan scan = new LagScan(1000);
		assertThat(scan.accept(page(0L, "next", List.of()))).isFalse();
		ShardLag lag = scan.result(LOADER, "shardId-0", "loader-0", "49", NOW);
		assertThat(lag.behindMillis()).isZero();
		assertThat(lag.recordsText()).isEqualTo("0");
	}

	@Test
	void countsRecordsUntilAnEmptyPageAtTheTip() {
		LagScan scan = new LagScan(1000);
		assertThat(scan.accept(page(0L, "i2", arrivals(NOW.minusSeconds(420))))).isTrue();
		assertThat(scan.nextIterator()).isEqualTo("i2");
		assertThat(scan.nextLimit()).isEqualTo(999);
		assertThat(scan.accept(page(0L, "i3", arrivals(NOW.minusSeconds(400), NOW.minusSeconds(300))))).isTrue();
		assertThat(scan.accept(page(0L, "i4", List.of()))).isFalse();
		ShardLag lag = scan.result(LOADER, "shardId-0", "loader-0", "49", NOW);
		// Time behind is the age of the first record after the checkpoint.
		assertThat(lag.behind()).isEqualTo(Duration.ofSeconds(420));
		assertThat(lag.recordsBehind()).isEqualTo(3);
		assertThat(lag.recordsBehindAtLeast()).isFalse();
		assertThat(lag.recordsText()).isEqualTo("3");
	}

	@Test
	void millisBehindLatestCountsWhenLargerThanTheRecordsAge() {
		LagScan scan = new LagScan(1000);
		scan.accept(page(600_000L, "i2", arrivals(NOW.minusSeconds(1))));
		scan.accept(page(0L, "i3", List.of()));
		assertThat(scan.result(LOADER, "s", "loader-0", "1", NOW).behind()).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void emptyPagesWhileBehindDoNotEndTheCount() {
		LagScan scan = new LagScan(1000);
		assertThat(scan.accept(page(5_000L, "i2", List.of()))).isTrue();
	}

	@Test
	void stopsAtTheBoundAndSaysAtLeast() {
		LagScan scan = new LagScan(3);
		assertThat(scan.accept(page(0L, "i2", arrivals(NOW)))).isTrue();
		assertThat(scan.nextLimit()).isEqualTo(2);
		assertThat(scan.accept(page(0L, "i3", arrivals(NOW, NOW)))).isFalse();
		ShardLag lag = scan.result(LOADER, "s", "loader-0", null, NOW);
		assertThat(lag.recordsBehindAtLeast()).isTrue();
		assertThat(lag.recordsText()).isEqualTo("≥ 3");
	}

	@Test
	void aClosedShardEndsWithoutANextIterator() {
		LagScan scan = new LagScan(1000);
		assertThat(scan.accept(page(0L, null, arrivals(NOW)))).isFalse();
		assertThat(scan.result(LOADER, "s", "loader-0", null, NOW).recordsBehindAtLeast()).isFalse();
	}

	@Test
	void stopsAfterAFixedNumberOfCalls() {
		LagScan scan = new LagScan(1_000_000);
		int calls = 1;
		while (scan.accept(page(1_000L, "i", List.of()))) {
			calls++;
		}
		assertThat(calls).isEqualTo(LagScan.MAX_CALLS);
		assertThat(scan.result(LOADER, "s", "loader-0", null, NOW).recordsBehindAtLeast()).isTrue();
	}

	@Test
	void unhealthyOnlyWhenBehindMoreThanTheMaximum() {
		ShardLag lag = new ShardLag("loader", "inventory-records", "shardId-0", "loader-0", "49", 301_000L, 12L, false);
		assertThat(lag.problem(Duration.ofMinutes(5)))
			.isEqualTo("loader is 5m1s behind on inventory-records/shardId-0 (more than 5m0s)");
		assertThat(lag.problem(Duration.ofMinutes(6))).isNull();
		ConsumerLag section = new ConsumerLag(Duration.ofMinutes(5).toMillis(), 1000, List.of(lag));
		assertThat(section.health()).isEqualTo(Health.UNHEALTHY);
		assertThat(new ConsumerLag(Duration.ofMinutes(6).toMillis(), 1000, List.of(lag)).health()).isEqualTo(Health.OK);
	}

	@Test
	void anUnknownLagIsShownAsSuchAndIsNoProblem() {
		ShardLag lag = ShardLag.unknown(LOADER, "shardId-0", null, "LATEST");
		assertThat(lag.problem(Duration.ZERO)).isNull();
		assertThat(lag.behindText()).isEqualTo("?");
		assertThat(lag.recordsText()).isEqualTo("?");
		ConsumerLag section = new ConsumerLag(0, 1000, List.of(lag));
		assertThat(section.health()).isEqualTo(Health.OK);
		assertThat(section.tables().get(0).rows().get(0)).containsExactly("loader", "inventory-records", "shardId-0",
				"-", "LATEST", "?", "?");
	}

	@Test
	void theTableShowsWhichWorkerHoldsEachShard() {
		ShardLag first = new ShardLag("loader", "s", "shardId-0", "loader-6c9-a", "49", 0L, 0L, false);
		ShardLag second = new ShardLag("loader", "s", "shardId-1", "loader-6c9-b", "SHARD_END", 0L, 0L, false);
		List<Table> tables = new ConsumerLag(1000, 1000, List.of(first, second)).tables();
		assertThat(tables.get(0).columns()).containsExactly("GROUP", "STREAM", "SHARD", "OWNER", "CHECKPOINT", "BEHIND",
				"RECORDS");
		assertThat(tables.get(0).rows()).extracting((row) -> row.get(3))
			.containsExactly("loader-6c9-a", "loader-6c9-b");
		assertThat(tables.get(0).rows().get(1).get(4)).isEqualTo("SHARD_END");
	}

	@Test
	void longSequenceNumbersAreShortenedInTheTable() {
		assertThat(ConsumerLag.abbreviate("49670000000000000000000000000000000000000000000123456"))
			.isEqualTo("…000000000123456");
		assertThat(ConsumerLag.abbreviate(null)).isEqualTo("(none: TRIM_HORIZON)");
	}

	private static GetRecordsResponse page(Long millisBehind, String next, List<Record> records) {
		return GetRecordsResponse.builder()
			.millisBehindLatest(millisBehind)
			.nextShardIterator(next)
			.records(records)
			.build();
	}

	private static List<Record> arrivals(Instant... times) {
		List<Record> records = new ArrayList<>();
		for (Instant time : times) {
			records.add(Record.builder().approximateArrivalTimestamp(time).sequenceNumber("1").build());
		}
		return records;
	}

}
