package com.retail.inventory.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.local.KclLeasesTaken;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import com.retail.inventory.local.PrometheusScrape;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The loader's meters as Prometheus scrapes them, after it loaded records from the
 * emulated stream: rows by outcome, DynamoDB requests, how far behind its binding is, and
 * the records dead-letter queue's depth.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoaderMetricsIntegrationTests {

	private static final Duration LEASES_TAKEN = Duration.ofMinutes(3);

	private static final String APP = "application=\"loader\"";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("inventory.loader.dead-letter-depth-poll", () -> "1s");
	}

	private static String event(String store, String item, long count, long row) {
		return """
				{"schemaVersion":1,"store":"%s","item":"%s","count":%d,"rowNumber":%d,
				 "upload":{"id":"inventory-uploads/%s.csv#m1","bucket":"inventory-uploads","key":"%s.csv","eTag":"m1",
				 "eventTime":"2026-12-03T05:00:00.000Z"}}""".formatted(store, item, count, row, store, store);
	}

	@Test
	void rowsRequestsLagAndTheDeadLetterQueueAreScrapedWithTheirTags(LocalAwsClients aws, LocalResources resources) {
		// KCL assigns the first leases up to a minute after start.
		KclLeasesTaken.await(aws, resources.loaderLeaseTable(), resources.recordsStream(), LEASES_TAKEN);
		List<String> records = List.of(event("Berlin", "Echo Dot", 12, 1), event("Berlin", "Echo Plus", 0, 2),
				"not an inventory record", event("Berlin", "Echo Show", 3, 3));
		aws.putRecords(resources.recordsStream(), "Berlin", records);

		String behind = "inventory_consumer_behind_seconds{" + APP + ",binding=\"loadInventory-in-0\"}";
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Map<String, Double> series = PrometheusScrape.of(this.port);
			assertThat(series).containsEntry("inventory_loader_rows_total{" + APP + ",outcome=\"written\"}", 3.0)
				.containsEntry("inventory_loader_rows_total{" + APP + ",outcome=\"dead-lettered\"}", 1.0)
				.containsEntry("inventory_loader_rows_total{" + APP + ",outcome=\"skipped\"}", 0.0);
			assertThat(series.get("inventory_loader_requests_total{" + APP + ",operation=\"BatchWriteItem\"}"))
				.isPositive();
			assertThat(series.get(behind)).as("the batch's records arrived before it was received").isPositive();
		});

		// The dead-lettered record, and one more sent by hand: the gauge follows the
		// queue's real depth.
		aws.sqs().sendMessage((b) -> b.queueUrl(resources.recordsDlqUrl()).messageBody("sent by the test"));
		long depth = aws.queueDepth(resources.recordsDlqUrl());
		assertThat(depth).isEqualTo(2);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(PrometheusScrape.of(this.port))
				.containsEntry("inventory_dlq_messages{" + APP + ",queue=\"records-dlq\"}", (double) depth));
	}

}
