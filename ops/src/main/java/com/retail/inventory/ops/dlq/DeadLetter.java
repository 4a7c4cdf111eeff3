package com.retail.inventory.ops.dlq;

import java.time.Instant;
import java.util.Map;

/**
 * One message received from a dead-letter queue.
 *
 * @param queue the dead-letter queue's name
 * @param messageId SQS message id
 * @param receiptHandle what deletes or releases this receipt of it
 * @param body the message body
 * @param attributes its string message attributes (the loader's reason, stream, shard,
 * sequence number and partition key)
 * @param sentAt when it was first sent (SentTimestamp), null if SQS did not say
 * @param firstReceivedAt when it was first received (ApproximateFirstReceiveTimestamp),
 * null if SQS did not say
 * @param receiveCount how often it has been received (ApproximateReceiveCount)
 */
public record DeadLetter(String queue, String messageId, String receiptHandle, String body,
		Map<String, String> attributes, Instant sentAt, Instant firstReceivedAt, int receiveCount) {

	public String attribute(String name) {
		return this.attributes.get(name);
	}

}
