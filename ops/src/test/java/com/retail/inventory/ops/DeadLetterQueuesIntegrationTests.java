package com.retail.inventory.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.EventTime;
import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.UploadRef;
import com.retail.inventory.contracts.UploadsTable;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code dlq list} and {@code dlq redrive} in process against the emulators. Each test
 * works on queues (and a stream) of its own, named through {@code --resource}, except the
 * one that lets SQS itself dead-letter a real S3 notification.
 */
@ExtendWith(LocalAwsExtension.class)
class DeadLetterQueuesIntegrationTests {

	private String out;

	private String err;

	@Test
	void listsAndRedrivesAnUploadNotificationSqsDeadLetteredAfterMaxReceives(LocalAwsClients aws,
			LocalResources resources) {
		String uploadQueue = resources.uploadQueueUrl();
		// S3's test event from provisioning is not what this test is about.
		aws.sqs().purgeQueue((b) -> b.queueUrl(uploadQueue));
		aws.s3()
			.putObject((b) -> b.bucket(resources.bucket()).key("incoming/berlin store.csv"),
					RequestBody.fromString("store,item,quantity\n"));
		// Ingest failing on every delivery: received, never deleted, until SQS moves it.
		for (int i = 0; i < 20 && visible(aws, resources.uploadDlqUrl()) == 0; i++) {
			aws.sqs().receiveMessage((b) -> b.queueUrl(uploadQueue).visibilityTimeout(0).maxNumberOfMessages(10));
		}
		assertThat(visible(aws, resources.uploadDlqUrl())).isEqualTo(1);
		String uploadId = uploadIdAsIngestGivesIt(aws, resources.uploadDlqUrl());
		aws.dynamoDb()
			.putItem((b) -> b.tableName(InventoryResources.load().uploadsTable())
				.item(Map.of(UploadsTable.UPLOAD_ID, AttributeValue.fromS(uploadId), UploadsTable.STATUS,
						AttributeValue.fromS("FAILED"), UploadsTable.REASON,
						AttributeValue.fromS("failed on each of 5 deliveries, the last time: Kinesis throttled"))));

		assertThat(run("dlq", "list", "--queue", "upload-events")).as(this.err).isEqualTo(1);
		assertThat(this.out).contains("== inventory-upload-events-dlq: 1 message")
			.contains("key=incoming/berlin store.csv")
			.contains("status=FAILED")
			.contains("failed on each of 5 deliveries, the last time: Kinesis throttled")
			.contains("Dead letters: yes (exit code 1)");
		// Listing consumed nothing: the message is there, and visible at once.
		assertThat(visible(aws, resources.uploadDlqUrl())).isEqualTo(1);

		assertThat(run("dlq", "redrive", "--queue", "upload-events")).as(this.err).isZero();
		assertThat(this.out).contains(
				"Moved 1 message(s) from inventory-upload-events-dlq to queue " + "inventory-upload-events, failed 0.");
		assertThat(visible(aws, resources.uploadDlqUrl())).isZero();
		List<Message> back = aws.sqs()
			.receiveMessage((b) -> b.queueUrl(uploadQueue).maxNumberOfMessages(10))
			.messages();
		assertThat(back).hasSize(1);
		assertThat(back.get(0).body()).contains("incoming%2Fberlin+store.csv").contains("ObjectCreated");

		assertThat(run("dlq", "list", "--queue", "upload-events")).isZero();
		assertThat(this.out).contains("== inventory-upload-events-dlq: empty").contains("(exit code 0)");
	}

	@Test
	void redriveMaxOneMovesExactlyOneUploadNotificationAndLeavesTheRest(LocalAwsClients aws) {
		String queue = "upload-events-" + UUID.randomUUID();
		String dlq = queue + "-dlq";
		String queueUrl = aws.sqs().createQueue((b) -> b.queueName(queue)).queueUrl();
		String dlqUrl = aws.sqs().createQueue((b) -> b.queueName(dlq)).queueUrl();
		for (String key : List.of("a.csv", "b.csv", "c.csv")) {
			aws.sqs().sendMessage((b) -> b.queueUrl(dlqUrl).messageBody(notification("inventory-uploads", key)));
		}
		String[] names = { "--resource", "upload-events-queue=" + queue, "--resource", "upload-events-dlq=" + dlq };

		assertThat(run(args(List.of("dlq", "list", "--queue", "upload-events", "-o", "json"), names))).isEqualTo(1);
		JsonNode listed = JsonMapper.builder().build().readTree(this.out).get("queues").get(0);
		assertThat(listed.get("messages")).hasSize(3);
		assertThat(listed.get("messages").get(0).get("reason").asString())
			.isEqualTo("ingest did not record this upload");
		// Listed twice: still three, nothing hidden.
		assertThat(run(args(List.of("dlq", "list", "--queue", "upload-events"), names))).isEqualTo(1);
		assertThat(this.out).contains(": 3 messages");

		assertThat(run(args(List.of("dlq", "redrive", "--queue", "upload-events", "--max", "1", "--dry-run"), names)))
			.isZero();
		assertThat(this.out).contains("would send 1 message(s)");
		assertThat(visible(aws, dlqUrl)).isEqualTo(3);

		assertThat(run(args(List.of("dlq", "redrive", "--queue", "upload-events", "--max", "1"), names))).isZero();
		assertThat(this.out).contains("Moved 1 message(s)").contains("failed 0").contains("AWS requests: ");
		assertThat(visible(aws, dlqUrl)).isEqualTo(2);
		assertThat(visible(aws, queueUrl)).isEqualTo(1);
	}

	@Test
	void redrivingMovesTenMessagesPerRequest(LocalAwsClients aws) {
		String queue = "upload-events-" + UUID.randomUUID();
		String dlq = queue + "-dlq";
		String queueUrl = aws.sqs().createQueue((b) -> b.queueName(queue)).queueUrl();
		String dlqUrl = aws.sqs().createQueue((b) -> b.queueName(dlq)).queueUrl();
		for (int i = 0; i < 25; i++) {
			String key = "store-" + i + ".csv";
			aws.sqs().sendMessage((b) -> b.queueUrl(dlqUrl).messageBody(notification("inventory-uploads", key)));
		}

		assertThat(run("dlq", "redrive", "--queue", "upload-events", "--resource", "upload-events-queue=" + queue,
				"--resource", "upload-events-dlq=" + dlq))
			.isZero();
		// Two queue URLs, then per ten messages one receive, one send and one delete, and
		// the receive that finds the queue empty: 12 requests for 25 messages.
		assertThat(this.out).contains("Moved 25 message(s)")
			.contains("AWS requests: 12 (Sqs DeleteMessageBatch 3, Sqs GetQueueUrl 2, Sqs ReceiveMessage 4, "
					+ "Sqs SendMessageBatch 3)");
		assertThat(visible(aws, dlqUrl)).isZero();
		assertThat(visible(aws, queueUrl)).isEqualTo(25);
	}

	@Test
	void listsAndRedrivesRecordsTheLoaderDeadLettered(LocalAwsClients aws) {
		String stream = "records-" + UUID.randomUUID();
		String dlq = stream + "-dlq";
		aws.kinesis().createStream((b) -> b.streamName(stream).shardCount(1));
		awaitActive(aws, stream);
		String dlqUrl = aws.sqs().createQueue((b) -> b.queueName(dlq)).queueUrl();
		for (String store : List.of("berlin", "hamburg")) {
			aws.kinesis()
				.putRecord((b) -> b.streamName(stream)
					.partitionKey(store)
					.data(SdkBytes.fromUtf8String("{\"store\":\"" + store + "\",\"item\":\"tea\",\"quantity\":1}")));
		}
		List<Record> records = read(aws, stream);
		assertThat(records).hasSize(2);
		String shard = aws.kinesis().listShards((b) -> b.streamName(stream)).shards().get(0).shardId();
		try (LoaderDeadLetters loader = new LoaderDeadLetters()) {
			for (Record record : records) {
				loader.send(dlq, record, "refused by DynamoDB: ValidationException", stream, shard);
			}
		}
		String[] names = { "--resource", "records-stream=" + stream, "--resource", "records-dlq=" + dlq };

		assertThat(run(args(List.of("dlq", "list", "--queue", "records"), names))).as(this.err).isEqualTo(1);
		assertThat(this.out).contains(dlq + ": 2 messages")
			.contains("refused by DynamoDB: ValidationException")
			.contains("stream=" + stream + " shard=" + shard + " sequenceNumber=" + records.get(0).sequenceNumber()
					+ " partitionKey=berlin");
		assertThat(visible(aws, dlqUrl)).isEqualTo(2);

		assertThat(run(args(List.of("dlq", "redrive", "--queue", "records", "--max", "1"), names))).as(this.err)
			.isZero();
		assertThat(this.out).contains("Moved 1 message(s) from " + dlq + " to stream " + stream + ", failed 0.");
		// Per message moved: a receive, a PutRecord, a delete (and the queue URL lookup).
		assertThat(this.out).contains("Kinesis PutRecord 1").contains("Sqs DeleteMessageBatch 1");
		assertThat(visible(aws, dlqUrl)).isEqualTo(1);
		List<Record> after = read(aws, stream);
		assertThat(after).hasSize(3);
		Record redriven = after.get(2);
		Record original = records.stream()
			.filter((record) -> record.partitionKey().equals(redriven.partitionKey()))
			.findFirst()
			.orElseThrow();
		assertThat(redriven.data().asUtf8String()).isEqualTo(original.data().asUtf8String());
	}

	@Test
	void aTruncatedRecordIsNotRedrivenAndStaysVisible(LocalAwsClients aws) {
		String stream = "records-" + UUID.randomUUID();
		String dlq = stream + "-dlq";
		aws.kinesis().createStream((b) -> b.streamName(stream).shardCount(1));
		awaitActive(aws, stream);
		String dlqUrl = aws.sqs().createQueue((b) -> b.queueName(dlq)).queueUrl();
		aws.sqs()
			.sendMessage((b) -> b.queueUrl(dlqUrl)
				.messageBody("{\"store\":")
				.messageAttributes(Map.of("partitionKey", string("berlin"), "truncatedFromBytes", string("300000"),
						"reason", string("not an inventory record"))));

		assertThat(run("dlq", "redrive", "--queue", "records", "--resource", "records-stream=" + stream, "--resource",
				"records-dlq=" + dlq))
			.isEqualTo(1);
		assertThat(this.out).contains("Moved 0 message(s)").contains("failed 1").contains("300000-byte record");
		assertThat(visible(aws, dlqUrl)).isEqualTo(1);
		assertThat(read(aws, stream)).isEmpty();
	}

	@Test
	void aMissingQueueIsExitCodeTwo() {
		assertThat(run("dlq", "list", "--resource", "records-dlq=does-not-exist", "--queue", "records")).isEqualTo(2);
		assertThat(this.err).contains("dlq list:");
	}

	/**
	 * The id ingest records the upload under: {@link UploadRef#of} over the
	 * notification's fields (the emulator's notification has no version id, so eTag and
	 * event time count).
	 */
	private static String uploadIdAsIngestGivesIt(LocalAwsClients aws, String dlqUrl) {
		String body = aws.sqs().receiveMessage((b) -> b.queueUrl(dlqUrl).visibilityTimeout(0)).messages().get(0).body();
		JsonNode record = JsonMapper.builder().build().readTree(body).get("Records").get(0);
		JsonNode object = record.get("s3").get("object");
		return UploadRef
			.of(record.get("s3").get("bucket").get("name").asString(),
					URLDecoder.decode(object.get("key").asString(), StandardCharsets.UTF_8), text(object, "versionId"),
					text(object, "eTag"), text(object, "sequencer"),
					EventTime.parse(record.get("eventTime").asString()).toString())
			.id();
	}

	private static String text(JsonNode node, String field) {
		return node.has(field) ? node.get(field).asString() : null;
	}

	private int run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine command = InventoryCommand.commandLine();
		command.setOut(new PrintWriter(out));
		command.setErr(new PrintWriter(err));
		int exitCode = command.execute(args);
		this.out = out.toString();
		this.err = err.toString();
		return exitCode;
	}

	private static String[] args(List<String> command, String... names) {
		List<String> all = new ArrayList<>(command);
		all.addAll(List.of(names));
		return all.toArray(String[]::new);
	}

	private static long visible(LocalAwsClients aws, String queueUrl) {
		return Long.parseLong(aws.sqs()
			.getQueueAttributes(
					(b) -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
			.attributes()
			.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
	}

	private static List<Record> read(LocalAwsClients aws, String stream) {
		String shard = aws.kinesis().listShards((b) -> b.streamName(stream)).shards().get(0).shardId();
		String iterator = aws.kinesis()
			.getShardIterator(
					(b) -> b.streamName(stream).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
			.shardIterator();
		return aws.kinesis().getRecords((b) -> b.shardIterator(iterator)).records();
	}

	private static void awaitActive(LocalAwsClients aws, String stream) {
		for (int i = 0; i < 100; i++) {
			if (aws.kinesis()
				.describeStreamSummary((b) -> b.streamName(stream))
				.streamDescriptionSummary()
				.streamStatus() == StreamStatus.ACTIVE) {
				return;
			}
			sleep(Duration.ofMillis(100));
		}
		throw new IllegalStateException(stream + " did not become active");
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static MessageAttributeValue string(String value) {
		return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
	}

	/** An S3 ObjectCreated notification as S3 sends it, the key URL-encoded. */
	static String notification(String bucket, String key) {
		return "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"eventTime\":"
				+ "\"2026-12-03T07:00:00.000Z\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\""
				+ bucket + "\"},\"object\":{\"key\":\"" + key
				+ "\",\"size\":20,\"eTag\":\"abc\",\"sequencer\":\"0A\"}}}]}";
	}

}
