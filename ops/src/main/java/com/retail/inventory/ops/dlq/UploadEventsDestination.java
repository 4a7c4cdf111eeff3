package com.retail.inventory.ops.dlq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends S3 notifications back to the upload-events queue, the body unchanged (ingest
 * reads only the body; S3 sets no message attributes), ten per SendMessageBatch.
 *
 * <p>
 * A redriven notification may reach ingest twice: when the command dies between the send
 * and the delete, or when the delete fails (the message stays in the dead-letter queue
 * and a later redrive sends it again). Ingest tolerates that:
 * {@code UploadTracking.received} changes nothing for an upload already LOADED,
 * LOADED_WITH_ERRORS or REJECTED (the listener then skips it), and an upload still in
 * progress is started over as a new attempt, whose number makes the older attempt's
 * writes conditional failures and the loader ignore its records (contracts
 * {@code UploadsTable}).
 */
public final class UploadEventsDestination implements RedriveDestination {

	private final SqsClient sqs;

	private final String queueName;

	private final String queueUrl;

	public UploadEventsDestination(SqsClient sqs, String queueName) {
		this.sqs = sqs;
		this.queueName = queueName;
		this.queueUrl = sqs.getQueueUrl((b) -> b.queueName(queueName)).queueUrl();
	}

	@Override
	public String describe() {
		return "queue " + this.queueName;
	}

	@Override
	public Map<String, String> send(List<DeadLetter> letters) {
		Map<String, String> failed = new LinkedHashMap<>();
		for (List<DeadLetter> batch : DeadLetterReceiver.batches(letters)) {
			List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
			for (int i = 0; i < batch.size(); i++) {
				entries.add(SendMessageBatchRequestEntry.builder()
					.id(String.valueOf(i))
					.messageBody(batch.get(i).body())
					.build());
			}
			try {
				SendMessageBatchResponse response = this.sqs
					.sendMessageBatch((b) -> b.queueUrl(this.queueUrl).entries(entries));
				response.failed()
					.forEach((error) -> failed.put(batch.get(Integer.parseInt(error.id())).messageId(),
							error.code() + ": " + error.message()));
			}
			catch (SdkException ex) {
				// Unknown whether SQS took them: they stay in the dead-letter queue, so
				// at worst a later redrive sends a duplicate, which ingest tolerates.
				batch.forEach((letter) -> failed.put(letter.messageId(), String.valueOf(ex.getMessage())));
			}
		}
		return failed;
	}

}
