package com.retail.inventory.ops.dlq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Receives, deletes and releases dead-letter messages, ten per request: SQS bills per
 * request and a batch of ten costs what one message does.
 */
public final class DeadLetterReceiver {

	/** SQS's batch limit. */
	public static final int BATCH = 10;

	/**
	 * Long polling for one second: a short poll samples only some SQS servers and can
	 * answer "empty" for a queue with a few messages; a long poll asks them all.
	 */
	private static final int WAIT_SECONDS = 1;

	private final SqsClient sqs;

	public DeadLetterReceiver(SqsClient sqs) {
		this.sqs = sqs;
	}

	public String queueUrl(String queueName) {
		return this.sqs.getQueueUrl((b) -> b.queueName(queueName)).queueUrl();
	}

	/**
	 * Up to {@code max} (at most ten) messages, hidden from other receivers for
	 * {@code visibilitySeconds}.
	 */
	public List<DeadLetter> receive(String queueName, String queueUrl, int max, int visibilitySeconds) {
		List<Message> messages = this.sqs
			.receiveMessage((b) -> b.queueUrl(queueUrl)
				.maxNumberOfMessages(Math.min(max, BATCH))
				.visibilityTimeout(visibilitySeconds)
				.waitTimeSeconds(WAIT_SECONDS)
				.messageAttributeNames("All")
				.messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP,
						MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP,
						MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
			.messages();
		return messages.stream().map((message) -> deadLetter(queueName, message)).toList();
	}

	/**
	 * Deletes the messages.
	 * @return the message ids that could not be deleted, with SQS's reason
	 */
	public Map<String, String> delete(String queueUrl, List<DeadLetter> letters) {
		Map<String, String> failed = new LinkedHashMap<>();
		for (List<DeadLetter> batch : batches(letters)) {
			List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
			for (int i = 0; i < batch.size(); i++) {
				entries.add(DeleteMessageBatchRequestEntry.builder()
					.id(String.valueOf(i))
					.receiptHandle(batch.get(i).receiptHandle())
					.build());
			}
			List<BatchResultErrorEntry> errors = this.sqs
				.deleteMessageBatch((b) -> b.queueUrl(queueUrl).entries(entries))
				.failed();
			errors.forEach((error) -> failed.put(batch.get(Integer.parseInt(error.id())).messageId(),
					error.code() + ": " + error.message()));
		}
		return failed;
	}

	/**
	 * Makes the messages visible again at once (visibility timeout 0), so that what was
	 * only looked at, or could not be moved, is not hidden from the next command.
	 */
	public void release(String queueUrl, List<DeadLetter> letters) {
		for (List<DeadLetter> batch : batches(letters)) {
			List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
			for (int i = 0; i < batch.size(); i++) {
				entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
					.id(String.valueOf(i))
					.receiptHandle(batch.get(i).receiptHandle())
					.visibilityTimeout(0)
					.build());
			}
			// A failed release only means the message shows again when its short
			// visibility timeout ends: nothing to report.
			this.sqs.changeMessageVisibilityBatch((b) -> b.queueUrl(queueUrl).entries(entries));
		}
	}

	static List<List<DeadLetter>> batches(List<DeadLetter> letters) {
		List<List<DeadLetter>> batches = new ArrayList<>();
		for (int from = 0; from < letters.size(); from += BATCH) {
			batches.add(letters.subList(from, Math.min(letters.size(), from + BATCH)));
		}
		return batches;
	}

	static DeadLetter deadLetter(String queueName, Message message) {
		Map<String, String> attributes = new LinkedHashMap<>();
		message.messageAttributes().forEach((name, value) -> attributes.put(name, text(value)));
		Map<MessageSystemAttributeName, String> system = message.attributes();
		String count = system.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
		return new DeadLetter(queueName, message.messageId(), message.receiptHandle(), message.body(), attributes,
				instant(system.get(MessageSystemAttributeName.SENT_TIMESTAMP)),
				instant(system.get(MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP)),
				(count != null) ? Integer.parseInt(count) : 0);
	}

	private static String text(MessageAttributeValue value) {
		return (value.stringValue() != null) ? value.stringValue() : "(" + value.dataType() + ")";
	}

	private static Instant instant(String epochMillis) {
		return (epochMillis != null) ? Instant.ofEpochMilli(Long.parseLong(epochMillis)) : null;
	}

}
