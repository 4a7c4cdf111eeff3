package com.retail.inventory.ops;

import io.awspring.cloud.sqs.listener.QueueNotFoundStrategy;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Dead-letters a Kinesis record as the loader's {@code DeadLetters.send} does (same
 * SqsTemplate, same payload and headers), so the tests read exactly what the loader
 * writes. That class is the loader's own and package-private; keep this in step with it.
 */
final class LoaderDeadLetters implements AutoCloseable {

	private final SqsAsyncClient client = SqsAsyncClient.builder().build();

	private final SqsTemplate sqs = SqsTemplate.builder()
		.sqsAsyncClient(this.client)
		.configure((options) -> options.queueNotFoundStrategy(QueueNotFoundStrategy.FAIL))
		.build();

	void send(String queue, Record record, String reason, String stream, String shard) {
		byte[] data = record.data().asByteArray();
		String body = new String(data, StandardCharsets.UTF_8);
		Map<String, Object> headers = new LinkedHashMap<>();
		headers.put("reason", reason);
		headers.put("stream", String.valueOf(stream));
		headers.put("shard", String.valueOf(shard));
		headers.put("sequenceNumber", record.sequenceNumber());
		headers.put("partitionKey", record.partitionKey());
		this.sqs.send((to) -> to.queue(queue).payload(body.isEmpty() ? "(empty record)" : body).headers(headers));
	}

	@Override
	public void close() {
		this.client.close();
	}

}
