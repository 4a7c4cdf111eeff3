package com.retail.inventory.ops.status;

import com.retail.inventory.contracts.InventoryResources;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Reads the depth of the platform's queues.
 *
 * <p>
 * SQS has no attribute for the age of the oldest message (CloudWatch's
 * ApproximateAgeOfOldestMessage is a metric, not an attribute). For the dead-letter
 * queues the section peeks at up to 10 messages with a visibility timeout of 0, which
 * leaves them where they are; it never peeks at the upload-events queue, where a receive
 * would count towards the maxReceiveCount that moves a message to the dead-letter queue.
 */
public final class QueueSection {

	/** A queue to read. */
	public record Queue(String name, boolean deadLetter) {
	}

	private final SqsClient sqs;

	private final List<Queue> queues;

	private final Clock clock;

	public QueueSection(SqsClient sqs, List<Queue> queues, Clock clock) {
		this.sqs = sqs;
		this.queues = queues;
		this.clock = clock;
	}

	/**
	 * The upload-events queue, its dead-letter queue and the records dead-letter queue.
	 */
	public static List<Queue> of(InventoryResources names) {
		return List.of(new Queue(names.uploadEventsQueue(), false), new Queue(names.uploadEventsDlq(), true),
				new Queue(names.recordsDlq(), true));
	}

	public QueueDepths read() {
		List<QueueRow> rows = new ArrayList<>();
		for (Queue queue : this.queues) {
			String url = this.sqs.getQueueUrl((b) -> b.queueName(queue.name())).queueUrl();
			Map<QueueAttributeName, String> attributes = this.sqs
				.getQueueAttributes((b) -> b.queueUrl(url)
					.attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
							QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
				.attributes();
			long visible = Long
				.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"));
			long inFlight = Long
				.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
			Long oldest = (queue.deadLetter() && visible > 0) ? oldestPeekedAge(url) : null;
			rows.add(new QueueRow(queue.name(), queue.deadLetter(), visible, inFlight, oldest));
		}
		return new QueueDepths(rows);
	}

	private Long oldestPeekedAge(String url) {
		List<Message> messages = this.sqs
			.receiveMessage((b) -> b.queueUrl(url)
				.maxNumberOfMessages(10)
				.visibilityTimeout(0)
				.waitTimeSeconds(0)
				.messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP))
			.messages();
		long now = this.clock.millis();
		return messages.stream()
			.map((m) -> m.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP))
			.filter((sent) -> sent != null)
			.mapToLong((sent) -> now - Long.parseLong(sent))
			.max()
			.stream()
			.boxed()
			.findFirst()
			.orElse(null);
	}

}
