package com.retail.inventory.ops.dlq;

import java.time.Instant;
import java.util.Map;

/**
 * One dead-lettered message as listed: where it is, its SQS timing, and why it is there.
 *
 * @param queue the dead-letter queue's name
 * @param messageId SQS message id
 * @param sentAt SentTimestamp, null if unknown
 * @param firstReceivedAt ApproximateFirstReceiveTimestamp, null if unknown
 * @param receiveCount ApproximateReceiveCount (a listing's own receive included)
 * @param reason why it was dead-lettered, as far as is known
 * @param details what it is about, in order: the record's stream, shard, sequence number
 * and partition key, or the upload's bucket, key, id and status
 */
public record DeadLetterRow(String queue, String messageId, Instant sentAt, Instant firstReceivedAt, int receiveCount,
		String reason, Map<String, String> details) {
}
