package com.retail.inventory.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.awspring.cloud.kinesis.integration.Checkpointer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadUntilDoneTests {

	private final List<String> checkpoints = new ArrayList<>();

	private final List<Duration> pauses = new ArrayList<>();

	private boolean checkpointAccepted = true;

	private final Checkpointer checkpointer = new Checkpointer() {
		@Override
		public boolean checkpoint() {
			throw new UnsupportedOperationException("the loader names the sequence number");
		}

		@Override
		public boolean checkpoint(String sequenceNumber) {
			LoadUntilDoneTests.this.checkpoints.add(sequenceNumber);
			return LoadUntilDoneTests.this.checkpointAccepted;
		}
	};

	private final LoadUntilDone untilDone = new LoadUntilDone(Duration.ofSeconds(1), Duration.ofSeconds(30),
			this.pauses::add);

	@Test
	void aBatchLoadedAtOnceIsCheckpointedAtItsLastRecord() {
		List<String> loads = new ArrayList<>();
		int tries = this.untilDone.load(() -> loads.add("load"), this.checkpointer, "42", "shard-0");
		assertThat(tries).isEqualTo(1);
		assertThat(loads).hasSize(1);
		assertThat(this.checkpoints).containsExactly("42");
		assertThat(this.pauses).isEmpty();
	}

	@Test
	void aFailingBatchIsTriedAgainAfterGrowingPausesAndCheckpointedOnlyOnceLoaded() {
		int[] failuresLeft = { 3 };
		int tries = this.untilDone.load(() -> {
			if (failuresLeft[0]-- > 0) {
				assertThat(this.checkpoints).as("nothing checkpointed before the batch is loaded").isEmpty();
				throw new IllegalStateException("DynamoDB unavailable");
			}
		}, this.checkpointer, "42", "shard-0");
		assertThat(tries).isEqualTo(4);
		assertThat(this.checkpoints).containsExactly("42");
		assertThat(this.pauses).hasSize(3);
		// Jittered between half and all of 2 s, 4 s, 8 s.
		assertThat(this.pauses.get(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
		assertThat(this.pauses.get(2)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
	}

	@Test
	void pausesStopGrowingAtTheMaximum() {
		int[] failuresLeft = { 12 };
		this.untilDone.load(() -> {
			if (failuresLeft[0]-- > 0) {
				throw new IllegalStateException("DynamoDB unavailable");
			}
		}, this.checkpointer, "42", "shard-0");
		assertThat(this.pauses.get(11)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
	}

	@Test
	void anInstanceStoppingWhileABatchFailsCheckpointsNothing() {
		LoadUntilDone stopping = new LoadUntilDone(Duration.ofSeconds(1), Duration.ofSeconds(30), (pause) -> {
			throw new IllegalStateException("Interrupted while waiting to retry");
		});
		assertThatIllegalStateException().isThrownBy(() -> stopping.load(() -> {
			throw new IllegalStateException("DynamoDB unavailable");
		}, this.checkpointer, "42", "shard-0")).withMessageContaining("Interrupted");
		assertThat(this.checkpoints).isEmpty();
	}

	@Test
	void aRefusedCheckpointEndsTheBatchWithoutAnotherLoad() {
		this.checkpointAccepted = false;
		List<String> loads = new ArrayList<>();
		int tries = this.untilDone.load(() -> loads.add("load"), this.checkpointer, "42", "shard-0");
		assertThat(tries).isEqualTo(1);
		assertThat(loads).hasSize(1);
	}

}
