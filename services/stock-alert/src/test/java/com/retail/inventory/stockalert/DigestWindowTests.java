package com.retail.inventory.stockalert;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.local.MutableClock;
import io.awspring.cloud.kinesis.integration.Checkpointer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;

class DigestWindowTests {

	private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-02T10:00:00Z"));

	private final List<List<String>> handled = new ArrayList<>();

	private final List<String> checkpoints = new ArrayList<>();

	private boolean failing;

	private final Checkpointer checkpointer = new Checkpointer() {
		@Override
		public boolean checkpoint() {
			throw new UnsupportedOperationException("the window names the sequence number");
		}

		@Override
		public boolean checkpoint(String sequenceNumber) {
			DigestWindowTests.this.checkpoints.add(sequenceNumber);
			return true;
		}
	};

	private final DigestWindow window = new DigestWindow((records) -> {
		if (this.failing) {
			throw new IllegalStateException("SNS is unavailable");
		}
		this.handled.add(records.stream().map(Record::sequenceNumber).toList());
	}, Duration.ofSeconds(2), 5, this.clock);

	private static List<Record> records(String... sequenceNumbers) {
		return List.of(sequenceNumbers)
			.stream()
			.map((s) -> Record.builder().sequenceNumber(s).partitionKey("k").data(SdkBytes.fromUtf8String(s)).build())
			.toList();
	}

	@Test
	void batchesOfOneWindowAreHandledTogetherThenCheckpointed() {
		this.window.accept("shard-0", records("1", "2"), this.checkpointer);
		this.clock.advance(Duration.ofMillis(800));
		this.window.accept("shard-0", records("3"), this.checkpointer);
		this.window.flushDue();
		assertThat(this.handled).isEmpty();
		assertThat(this.checkpoints).isEmpty();

		this.clock.advance(Duration.ofMillis(1200));
		this.window.flushDue();
		assertThat(this.handled).containsExactly(List.of("1", "2", "3"));
		assertThat(this.checkpoints).containsExactly("3");
	}

	@Test
	void aFullCollectionIsHandledAtOnce() {
		this.window.accept("shard-0", records("1", "2", "3"), this.checkpointer);
		this.window.accept("shard-0", records("4", "5"), this.checkpointer);
		assertThat(this.handled).containsExactly(List.of("1", "2", "3", "4", "5"));
		assertThat(this.checkpoints).containsExactly("5");
	}

	@Test
	void aFullCollectionThatFailsHoldsTheConsumerUntilItIsHandled() throws Exception {
		this.window.accept("shard-0", records("1", "2", "3"), this.checkpointer);
		this.failing = true;
		Thread consumer = new Thread(() -> this.window.accept("shard-0", records("4", "5"), this.checkpointer));
		consumer.start();
		// The consumer's thread keeps the records and tries again: KCL would not hand
		// them over a second time.
		consumer.join(700);
		assertThat(consumer.isAlive()).as("the consumer waits while the alerts cannot be sent").isTrue();
		assertThat(this.handled).isEmpty();
		assertThat(this.checkpoints).isEmpty();

		this.failing = false;
		consumer.join(5_000);
		assertThat(consumer.isAlive()).isFalse();
		assertThat(this.handled).containsExactly(List.of("1", "2", "3", "4", "5"));
		assertThat(this.checkpoints).containsExactly("5");
	}

	@Test
	void aConsumerWaitingOnAFailingCollectionStopsWhenInterrupted() throws Exception {
		this.window.accept("shard-0", records("1", "2", "3"), this.checkpointer);
		this.failing = true;
		List<Throwable> thrown = new ArrayList<>();
		Thread consumer = new Thread(() -> {
			try {
				this.window.accept("shard-0", records("4", "5"), this.checkpointer);
			}
			catch (IllegalStateException ex) {
				thrown.add(ex);
			}
		});
		consumer.start();
		consumer.join(300);
		consumer.interrupt();
		consumer.join(5_000);
		assertThat(thrown).singleElement()
			.satisfies((ex) -> assertThat(ex).hasMessageContaining("Stopped while the alerts"));
		assertThat(this.checkpoints).as("nothing checkpointed: the next owner reads them again").isEmpty();
	}

	@Test
	void aFailureOnTheTimerKeepsTheRecordsAndTriesAgainAfterABackoff() {
		this.window.accept("shard-0", records("1"), this.checkpointer);
		this.clock.advance(Duration.ofSeconds(3));
		this.failing = true;
		this.window.flushDue();
		assertThat(this.checkpoints).isEmpty();
		this.failing = false;
		// The first backoff is at least half of 500 ms.
		this.clock.advance(Duration.ofMillis(100));
		this.window.flushDue();
		assertThat(this.handled).isEmpty();
		this.clock.advance(Duration.ofMillis(500));
		this.window.flushDue();
		assertThat(this.handled).containsExactly(List.of("1"));
		assertThat(this.checkpoints).containsExactly("1");
	}

	@Test
	void aStoppingInstanceSendsWhatItCollectedBeforeTheWindowIsOver() throws InterruptedException {
		this.window.accept("shard-0", records("1", "2"), this.checkpointer);
		this.window.accept("shard-1", records("7"), this.checkpointer);

		new DigestWindowTimer(this.window, Duration.ofHours(1)).close();
		assertThat(this.handled).containsExactlyInAnyOrder(List.of("1", "2"), List.of("7"));
		assertThat(this.checkpoints).containsExactlyInAnyOrder("2", "7");
	}

}
