package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.retail.inventory.contracts.LogFields;
import com.retail.inventory.local.KinesisStreamReader;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import com.retail.inventory.local.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Upload through S3, notification through SQS, rows out on Kinesis: all on the real
 * emulators.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class IngestIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Ingest's log lines, with their log fields. */
	private LogCapture logs;

	@BeforeEach
	void captureLogs() {
		this.logs = new LogCapture(UploadProcessor.class, Level.INFO);
	}

	@AfterEach
	void stopCapturing() {
		this.logs.close();
	}

	@DynamicPropertySource
	static void localhostBucketsNeedPathStyle(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.aws.s3.path-style-access-enabled", () -> "true");
	}

	@Test
	void everyRowOfAnUploadBecomesAPlainJsonEventAndBadFilesDoNotBlockTheQueue(LocalAwsClients aws,
			LocalResources resources) throws Exception {
		// The validation policy on real objects: not UTF-8 (rejected whole, before any
		// row is published),
		// gzip with its Content-Encoding (read), columns in another order with one more
		// (read, extra ignored).
		aws.s3()
			.putObject(b -> b.bucket(resources.bucket()).key("munich-latin1.csv"), RequestBody.fromBytes(
					"store,item,count\nAachen,Echo Dot,1\nMünchen,Echo Dot,3\n".getBytes(StandardCharsets.ISO_8859_1)));
		aws.s3()
			.putObject(b -> b.bucket(resources.bucket()).key("gz/pusan.csv.gz").contentEncoding("gzip"),
					RequestBody.fromBytes(gzip("store,item,count\nPusan,Echo Show,4\nPusan,Echo Dot,0\n")));
		aws.s3()
			.putObject(b -> b.bucket(resources.bucket()).key("extra-columns.csv"), RequestBody
				.fromString("item,price,store,count\nEcho Dot,49.99,Karachi,7\nEcho Plus,99,Karachi,2\n"));
		aws.s3()
			.putObject(b -> b.bucket(resources.bucket()).key("not-inventory.csv"),
					RequestBody.fromString("hello,world\n1,2\n"));
		aws.s3()
			.putObject(b -> b.bucket(resources.bucket()).key("incoming/berlin store.csv"), RequestBody
				.fromString("store,item,count\nBerlin,Echo Dot,12\nBerlin,Echo Plus,0\nBerlin,Echo Look,x\n"));

		List<JsonNode> events = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			events.clear();
			events.addAll(readAll(aws, resources.recordsStream()));
			assertThat(events).hasSize(6);
		});
		assertThat(events).filteredOn((e) -> e.get("upload").get("key").asString().equals("gz/pusan.csv.gz"))
			.extracting((e) -> e.get("item").asString() + "=" + e.get("count").asLong())
			.containsExactly("Echo Show=4", "Echo Dot=0");
		assertThat(events).filteredOn((e) -> e.get("upload").get("key").asString().equals("extra-columns.csv"))
			.extracting(
					(e) -> e.get("store").asString() + "/" + e.get("item").asString() + "=" + e.get("count").asLong())
			.containsExactly("Karachi/Echo Dot=7", "Karachi/Echo Plus=2");
		assertThat(events).noneMatch((e) -> e.get("upload").get("key").asString().equals("munich-latin1.csv"));
		events.removeIf((e) -> !e.get("upload").get("key").asString().equals("incoming/berlin store.csv"));

		JsonNode first = events.get(0);
		assertThat(first.get("store").asString()).isEqualTo("Berlin");
		assertThat(first.get("item").asString()).isEqualTo("Echo Dot");
		assertThat(first.get("count").asLong()).isEqualTo(12);
		assertThat(first.get("rowNumber").asLong()).isEqualTo(1);
		assertThat(first.get("upload").get("key").asString()).isEqualTo("incoming/berlin store.csv");
		// The upload id names the exact object revision (version id where S3 sends one,
		// else the eTag).
		assertThat(first.get("upload").get("id").asString()).startsWith("inventory-uploads/incoming/berlin store.csv");
		assertThat(first.get("upload").get("eTag").asString()).isNotBlank();
		assertThat(events.get(1).get("count").asLong()).isZero();

		// Both notifications were handled (the bad file reported, not retried): the queue
		// drains fully.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			var attributes = aws.sqs()
				.getQueueAttributes(b -> b.queueUrl(resources.uploadQueueUrl())
					.attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
							QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
				.attributes();
			assertThat(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("0");
			assertThat(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).isEqualTo("0");
		});
		assertThat(readAll(aws, resources.recordsStream())).hasSize(6);

		// Each file's lines name it in their log fields, however the listener threads
		// took turns; the store only for a store's file (none here).
		List<ILoggingEvent> processed = this.logs.events()
			.stream()
			.filter((event) -> event.getLoggerName().equals(UploadProcessor.class.getName()))
			.toList();
		assertThat(processed).extracting(ILoggingEvent::getFormattedMessage)
			.anyMatch((message) -> message.contains("munich-latin1.csv") && message.contains("rejected"))
			.anyMatch((message) -> message.contains("berlin store.csv") && message.contains("published 2 rows"));
		assertThat(processed).allSatisfy((event) -> {
			assertThat(event.getFormattedMessage())
				.startsWith("Upload " + event.getMDCPropertyMap().get(LogFields.UPLOAD_ID));
			assertThat(event.getMDCPropertyMap().get(LogFields.UPLOAD_ID))
				.contains("/" + event.getMDCPropertyMap().get(LogFields.OBJECT_KEY));
			assertThat(event.getMDCPropertyMap()).doesNotContainKey(LogFields.STORE);
		});
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	/**
	 * Every record's data must be a JSON document: no binder header framing in front of
	 * it.
	 */
	private static List<JsonNode> readAll(LocalAwsClients aws, String stream) {
		List<JsonNode> out = new ArrayList<>();
		for (Record record : KinesisStreamReader.readAll(aws.kinesis(), stream)) {
			String data = record.data().asUtf8String();
			assertThat(data).startsWith("{");
			JsonNode event = JSON.readTree(data);
			assertThat(record.partitionKey())
				.isEqualTo(event.get("store").asString() + "/" + event.get("item").asString());
			out.add(event);
		}
		return out;
	}

}
