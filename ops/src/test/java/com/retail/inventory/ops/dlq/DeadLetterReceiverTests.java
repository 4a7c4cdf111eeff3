package com.retail.inventory.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class DeadLetterReceiverTests {

	@Test
	void batchesAreOfTenAtMost() {
		List<DeadLetter> letters = Collections.nCopies(23, DeadLetterDescriberTests.letter("{}", Map.of()));
		assertThat(DeadLetterReceiver.batches(letters)).extracting(List::size).containsExactly(10, 10, 3);
		assertThat(DeadLetterReceiver.batches(List.of())).isEmpty();
	}

	@Test
	void readsTheSystemAndStringAttributes() {
		Message message = Message.builder()
			.messageId("m")
			.receiptHandle("r")
			.body("b")
			.messageAttributes(
					Map.of("reason", MessageAttributeValue.builder().dataType("String").stringValue("refused").build()))
			.attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP, "1000",
					MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP, "2000",
					MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "3"))
			.build();
		DeadLetter letter = DeadLetterReceiver.deadLetter("q", message);
		assertThat(letter).isEqualTo(new DeadLetter("q", "m", "r", "b", Map.of("reason", "refused"),
				Instant.ofEpochMilli(1000), Instant.ofEpochMilli(2000), 3));
	}

	@Test
	void theQueuesAreNamedAsOperatorsTypeThem() {
		assertThat(DeadLetterSource.of("records")).isEqualTo(DeadLetterSource.RECORDS);
		assertThat(DeadLetterSource.of("upload-events")).isEqualTo(DeadLetterSource.UPLOAD_EVENTS);
		assertThatIllegalArgumentException().isThrownBy(() -> DeadLetterSource.of("uploads"))
			.withMessageContaining("upload-events, records");
	}

}
