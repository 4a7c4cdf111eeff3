package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.local.CuttingProxy;
import com.retail.inventory.local.KinesisStreamReader;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
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
 * A 10,000-row file through ingest on the real emulators, with S3 in ingest's way: its S3
 * endpoint is a proxy that resets the first two connections midway through the file.
 * Every row is published exactly once, with PutRecords of up to 500 records.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class IngestAtScaleIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int ROWS = 10_000;

	private static CuttingProxy s3;

	@DynamicPropertySource
	static void s3ThroughACuttingProxy(DynamicPropertyRegistry registry) {
		// ~310 KB of CSV: cut after 60 KB, twice, so the read resumes twice.
		s3 = new CuttingProxy(LocalAwsExtension.endpoints().aws(), 60_000, 2);
		// The standard AWS SDK setting, as an operator would set AWS_ENDPOINT_URL_S3.
		System.setProperty("aws.endpointUrlS3", s3.endpoint().toString());
		registry.add("spring.cloud.aws.s3.path-style-access-enabled", () -> "true");
	}

	@AfterAll
	static void stopProxy() {
		System.clearProperty("aws.endpointUrlS3");
		if (s3 != null) {
			s3.close();
		}
	}

	@Test
	void everyRowOfATenThousandRowFileIsPublishedOnceThoughS3ResetsTheConnection(LocalAwsClients aws,
			LocalResources resources) {
		StringBuilder csv = new StringBuilder("store,item,count\n");
		for (int i = 1; i <= ROWS; i++) {
			csv.append("Store ")
				.append(i % 50)
				.append(",Item number ")
				.append(i)
				.append(',')
				.append(i % 97)
				.append('\n');
		}
		aws.s3()
			.putObject((b) -> b.bucket(resources.bucket()).key("chain/daily-export.csv"),
					RequestBody.fromString(csv.toString()));

		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(KinesisStreamReader.readAll(aws.kinesis(), resources.recordsStream()))
				.hasSizeGreaterThanOrEqualTo(ROWS));
		// Done with the file: the notification is deleted.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inFlight(aws, resources)).isZero());

		List<Record> records = KinesisStreamReader.readAll(aws.kinesis(), resources.recordsStream());
		assertThat(records).hasSize(ROWS);
		List<JsonNode> events = records.stream().map((r) -> JSON.readTree(r.data().asUtf8String())).toList();
		Set<Long> rows = events.stream().map((e) -> e.get("rowNumber").asLong()).collect(Collectors.toSet());
		assertThat(rows).hasSize(ROWS).contains(1L, 5_000L, (long) ROWS);
		JsonNode last = events.stream().filter((e) -> e.get("rowNumber").asLong() == ROWS).findFirst().orElseThrow();
		assertThat(last.get("item").asString()).isEqualTo("Item number " + ROWS);
		assertThat(last.get("count").asLong()).isEqualTo(ROWS % 97);
		assertThat(new TreeSet<>(records.stream().map(Record::partitionKey).toList())).hasSize(ROWS);
		assertThat(s3.cuts()).as("S3 connections reset midway").isEqualTo(2);
	}

	private static int inFlight(LocalAwsClients aws, LocalResources resources) {
		var attributes = aws.sqs()
			.getQueueAttributes((b) -> b.queueUrl(resources.uploadQueueUrl())
				.attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
						QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
			.attributes();
		return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
				+ Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
	}

}
