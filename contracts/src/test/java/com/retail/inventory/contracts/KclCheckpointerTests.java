package com.retail.inventory.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

class KclCheckpointerTests {

	private final RecordProcessorCheckpointer kcl = mock(RecordProcessorCheckpointer.class);

	private final KclCheckpointer checkpointer = KclCheckpointer.of(this.kcl, "shardId-000000000000");

	@Test
	void checkpointsAtTheSequenceNumberGiven() throws Exception {
		assertThat(this.checkpointer.checkpoint("42")).isTrue();
		verify(this.kcl).checkpoint("42");
	}

	@Test
	void aLeaseThatMovedOnIsAnsweredFalseNotThrown() throws Exception {
		willThrow(new ShutdownException("lease lost")).given(this.kcl).checkpoint("42");
		assertThat(this.checkpointer.checkpoint("42")).isFalse();
		verify(this.kcl, times(1)).checkpoint("42");
	}

	@Test
	void aThrottledCheckpointIsTriedThreeTimes() throws Exception {
		willThrow(new ThrottlingException("slow down")).given(this.kcl).checkpoint("42");
		assertThat(this.checkpointer.checkpoint("42")).isFalse();
		verify(this.kcl, times(3)).checkpoint("42");
	}

	@Test
	void anyOtherRefusalIsAnsweredFalse() throws Exception {
		willThrow(new InvalidStateException("no lease table")).given(this.kcl).checkpoint("42");
		assertThat(this.checkpointer.checkpoint("42")).isFalse();
	}

	@Test
	void aMessageWithoutAKclCheckpointerIsAConfigurationError() {
		assertThatIllegalStateException().isThrownBy(() -> KclCheckpointer.of(null, "shardId-000000000000"))
			.withMessageContaining("checkpoint-mode manual");
	}

}
