package com.retail.inventory.loader;

import io.awspring.cloud.sqs.listener.QueueNotFoundStrategy;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The loader's dead-letter destination: an SQS queue that receives each record that can
 * never be loaded (not an inventory record, or refused by DynamoDB), its data as the
 * message body and the reason, stream, shard, sequence number and partition key as
 * message attributes. Sent before the batch is checkpointed: a record is in the table, in
 * this queue, or read again, never gone.
 */
@Component
class DeadLetters {

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	/** SQS takes 256 KiB per message, attributes included. */
	static final int MAX_BODY_BYTES = 200 * 1024;

	private final SqsTemplate sqs;

	private final String queue;

	@Autowired
	DeadLetters(SqsAsyncClient sqs, LoaderProperties properties) {
		// A missing queue is a deployment error to report, not a queue to create (the
		// loader may not create queues, and should not).
		this(SqsTemplate.builder()
			.sqsAsyncClient(sqs)
			.configure((options) -> options.queueNotFoundStrategy(QueueNotFoundStrategy.FAIL))
			.build(), properties);
	}

	DeadLetters(SqsTemplate sqs, LoaderProperties properties) {
		this.sqs = sqs;
		this.queue = properties.deadLetterQueue();
	}

	/**
	 * Sends one record with the reason it cannot be loaded; returns once SQS has it.
	 */
	void send(Record record, String reason, String stream, String shard) {
		byte[] data = record.data().asByteArray();
		boolean cut = data.length > MAX_BODY_BYTES;
		String body = new String(data, 0, Math.min(data.length, MAX_BODY_BYTES), StandardCharsets.UTF_8);
		Map<String, Object> headers = new LinkedHashMap<>();
		headers.put("reason", reason);
		headers.put("stream", String.valueOf(stream));
		headers.put("shard", String.valueOf(shard));
		headers.put("sequenceNumber", record.sequenceNumber());
		headers.put("partitionKey", record.partitionKey());
		if (cut) {
			headers.put("truncatedFromBytes", String.valueOf(data.length));
		}
		this.sqs.send((to) -> to.queue(this.queue).payload(body.isEmpty() ? "(empty record)" : body).headers(headers));
		log.error("Record {} of {}/{} moved to dead-letter queue {}: {}", record.sequenceNumber(), stream, shard,
				this.queue, reason);
	}

}
