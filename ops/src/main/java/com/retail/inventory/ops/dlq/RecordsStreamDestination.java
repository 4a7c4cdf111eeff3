package com.retail.inventory.ops.dlq;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Puts the loader's dead-lettered records back on the records stream, each with its
 * original partition key (the {@code partitionKey} attribute), so it lands on the shard
 * of its store as before.
 *
 * <p>
 * One PutRecord per record: Kinesis bills per 25 KB payload unit, not per call, and
 * PutRecords does not keep the order of records of one partition key.
 */
public final class RecordsStreamDestination implements RedriveDestination {

	/** What the loader sends for a record without data. */
	static final String EMPTY_RECORD = "(empty record)";

	private final KinesisClient kinesis;

	private final String stream;

	public RecordsStreamDestination(KinesisClient kinesis, String stream) {
		this.kinesis = kinesis;
		this.stream = stream;
	}

	@Override
	public String describe() {
		return "stream " + this.stream;
	}

	@Override
	public Map<String, String> send(List<DeadLetter> letters) {
		Map<String, String> failed = new LinkedHashMap<>();
		for (DeadLetter letter : letters) {
			String refusal = refusal(letter);
			if (refusal != null) {
				failed.put(letter.messageId(), refusal);
				continue;
			}
			try {
				this.kinesis.putRecord((b) -> b.streamName(this.stream)
					.partitionKey(letter.attribute("partitionKey"))
					.data(SdkBytes.fromUtf8String(letter.body())));
			}
			catch (SdkException ex) {
				failed.put(letter.messageId(), String.valueOf(ex.getMessage()));
			}
		}
		return failed;
	}

	/** Why this message cannot become its record again, or null when it can. */
	static String refusal(DeadLetter letter) {
		String partitionKey = letter.attribute("partitionKey");
		if (partitionKey == null || partitionKey.isEmpty()) {
			return "no partitionKey attribute: not a record the loader dead-lettered";
		}
		if (letter.attribute("truncatedFromBytes") != null) {
			return "the loader kept only the start of this " + letter.attribute("truncatedFromBytes")
					+ "-byte record: it cannot be restored from the message";
		}
		if (EMPTY_RECORD.equals(letter.body())) {
			return "the record was empty: there is nothing to load";
		}
		return null;
	}

}
