package com.retail.inventory.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.UploadRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DeadLetterDescriberTests {

	private static final String NOTIFICATION = "{\"Records\":[{\"eventTime\":\"2026-12-03T07:00:00.000Z\","
			+ "\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"inventory-uploads\"},"
			+ "\"object\":{\"key\":\"incoming%2Fberlin+store.csv\",\"versionId\":\"v1\",\"eTag\":\"abc\"}}}]}";

	@Test
	void aRecordIsDescribedByTheLoadersAttributes() {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("partitionKey", "berlin");
		attributes.put("reason", "refused by DynamoDB");
		attributes.put("stream", "inventory-records");
		attributes.put("shard", "shardId-000000000000");
		attributes.put("sequenceNumber", "42");
		attributes.put("contentType", "text/plain");
		DeadLetterRow row = new DeadLetterDescriber((ids) -> Map.of())
			.describe(DeadLetterSource.RECORDS, List.of(letter("{}", attributes)))
			.get(0);
		assertThat(row.reason()).isEqualTo("refused by DynamoDB");
		// In a fixed order, the framework's own headers left out.
		assertThat(row.details()).containsExactly(Map.entry("stream", "inventory-records"),
				Map.entry("shard", "shardId-000000000000"), Map.entry("sequenceNumber", "42"),
				Map.entry("partitionKey", "berlin"));
		assertThat(row.receiveCount()).isEqualTo(2);
	}

	@Test
	void anUploadIsDescribedByItsKeyAndWhatTheUploadsTableSays() {
		String id = UploadRef.of("inventory-uploads", "incoming/berlin store.csv", "v1", "abc", null, null).id();
		AtomicReference<Set<String>> asked = new AtomicReference<>();
		DeadLetterDescriber describer = new DeadLetterDescriber((ids) -> {
			asked.set(ids);
			return Map.of(id, new UploadState("FAILED", "Kinesis throttled"));
		});
		DeadLetterRow row = describer.describe(DeadLetterSource.UPLOAD_EVENTS, List.of(letter(NOTIFICATION, Map.of())))
			.get(0);
		assertThat(asked.get()).containsExactly(id);
		assertThat(row.reason()).isEqualTo("Kinesis throttled");
		assertThat(row.details()).containsEntry("bucket", "inventory-uploads")
			.containsEntry("key", "incoming/berlin store.csv")
			.containsEntry("uploadId", id)
			.containsEntry("status", "FAILED");
	}

	@Test
	void anUploadTheTableDoesNotHaveOrABodyThatIsNoNotificationIsSaidSo() {
		DeadLetterDescriber describer = new DeadLetterDescriber((ids) -> Map.of());
		List<DeadLetterRow> rows = describer.describe(DeadLetterSource.UPLOAD_EVENTS,
				List.of(letter(NOTIFICATION, Map.of()), letter("hello", Map.of()),
						letter("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\"}", Map.of())));
		assertThat(rows).extracting(DeadLetterRow::reason)
			.containsExactly("ingest did not record this upload", "Not an S3 event notification: hello",
					"S3 notification without an ObjectCreated record (e.g. s3:TestEvent)");
		assertThat(rows.get(0).details()).containsEntry("status", "(not in the uploads table)");
	}

	@Test
	void theTableIsNotAskedWhenNoMessageNamesAnUpload() {
		DeadLetterDescriber describer = new DeadLetterDescriber((ids) -> {
			throw new AssertionError("asked for " + ids);
		});
		assertThat(describer.describe(DeadLetterSource.UPLOAD_EVENTS, List.of(letter("x", Map.of())))).hasSize(1);
	}

	static DeadLetter letter(String body, Map<String, String> attributes) {
		return new DeadLetter("dlq", "m-1", "r-1", body, attributes, Instant.EPOCH, Instant.EPOCH, 2);
	}

}
