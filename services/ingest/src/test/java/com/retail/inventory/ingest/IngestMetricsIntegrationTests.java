package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import com.retail.inventory.local.PrometheusScrape;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Ingest's meters as Prometheus scrapes them, after real uploads on the emulators: rows
 * by outcome, upload attempts by the status ingest left, the upload dead-letter queue's
 * depth.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestMetricsIntegrationTests {

	private static final String APP = "application=\"ingest\"";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.aws.s3.path-style-access-enabled", () -> "true");
		registry.add("inventory.ingest.dead-letter-depth-poll", () -> "1s");
	}

	@Test
	void rowsUploadsAndTheDeadLetterQueueAreScrapedWithTheirTags(LocalAwsClients aws, LocalResources resources)
			throws Exception {
		// 3 rows accepted, 2 rejected (a count that is not a number, another store's row
		// under stores/Berlin/): handed to the loader.
		put(aws, resources, "stores/Berlin/metrics.csv", "store,item,count\nBerlin,Echo Dot,12\nBerlin,Echo Plus,x\n"
				+ "Hamburg,Echo Dot,3\nBerlin,Echo Show,0\nBerlin,Echo Look,4\n");
		// 1 row, rejected: the upload is REJECTED.
		put(aws, resources, "all-bad.csv", "store,item,count\nBerlin,Echo,-1\n");

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Map<String, Double> series = PrometheusScrape.of(this.port);
			assertThat(series).containsEntry("inventory_ingest_rows_total{" + APP + ",outcome=\"accepted\"}", 3.0)
				.containsEntry("inventory_ingest_rows_total{" + APP + ",outcome=\"rejected\"}", 3.0)
				.containsEntry("inventory_ingest_uploads_total{" + APP + ",status=\"PROCESSING\"}", 1.0)
				.containsEntry("inventory_ingest_uploads_total{" + APP + ",status=\"REJECTED\"}", 1.0);
		});
		Map<String, Double> series = PrometheusScrape.of(this.port);
		assertThat(series).containsEntry("inventory_ingest_uploads_total{" + APP + ",status=\"LOADED\"}", 0.0)
			.containsEntry("inventory_ingest_uploads_total{" + APP + ",status=\"FAILED\"}", 0.0);

		String dlq = "inventory_dlq_messages{" + APP + ",queue=\"upload-events-dlq\"}";
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(PrometheusScrape.of(this.port)).containsEntry(dlq, 0.0));
		aws.sqs().sendMessage((b) -> b.queueUrl(resources.uploadDlqUrl()).messageBody("{\"Records\":[]}"));
		assertThat(aws.queueDepth(resources.uploadDlqUrl())).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(PrometheusScrape.of(this.port)).containsEntry(dlq, 1.0));
	}

	private static void put(LocalAwsClients aws, LocalResources resources, String key, String text) {
		aws.s3().putObject((b) -> b.bucket(resources.bucket()).key(key), RequestBody.fromString(text));
	}

}
