package com.retail.inventory.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsStreamDestinationTests {

	@Test
	void aRecordWithItsPartitionKeyCanBeSentBack() {
		assertThat(RecordsStreamDestination.refusal(DeadLetterDescriberTests.letter("{}", Map.of("partitionKey", "b"))))
			.isNull();
	}

	@Test
	void whatCannotBecomeTheRecordAgainIsRefused() {
		assertThat(RecordsStreamDestination.refusal(DeadLetterDescriberTests.letter("{}", Map.of())))
			.contains("no partitionKey attribute");
		assertThat(RecordsStreamDestination.refusal(
				DeadLetterDescriberTests.letter("{\"st", Map.of("partitionKey", "b", "truncatedFromBytes", "300000"))))
			.contains("300000-byte record");
		assertThat(RecordsStreamDestination
			.refusal(DeadLetterDescriberTests.letter("(empty record)", Map.of("partitionKey", "b")))).contains("empty");
	}

}
