package com.retail.inventory.stockalert;

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
 * stock-alert's meters as Prometheus scrapes them, after changes on the emulated stream
 * gave alerts: alerts by type, failed publishes, how far behind its binding is.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StockAlertMetricsIntegrationTests {

	private static final Duration LEASES_TAKEN = Duration.ofMinutes(3);

	private static final String APP = "application=\"stock-alert\"";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void topic(DynamicPropertyRegistry registry) {
		registry.add("inventory.stock-alert.topic-arn", () -> LocalAwsExtension.resources().noStockTopicArn());
	}

	@Test
	void alertsAndLagAreScrapedWithTheirTags(LocalAwsClients aws, LocalResources resources) {
		// KCL assigns the first leases up to a minute after start.
		KclLeasesTaken.await(aws, resources.stockAlertLeaseTable(), resources.changesStream(), LEASES_TAKEN);
		// Two items run out, one comes back: three alerts.
		List<String> changes = List.of(ChangeRecords.json("m1", "Berlin", "Echo Plus", "9", "0", "v1"),
				ChangeRecords.json("m2", "Pusan", "Echo Show", null, "0", "v1"),
				ChangeRecords.json("m3", "Pusan", "Echo Show", "0", "4", "v2"));
		aws.putRecords(resources.changesStream(), "k", changes);

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Map<String, Double> series = PrometheusScrape.of(this.port);
			assertThat(series).containsEntry("inventory_alerts_total{" + APP + ",type=\"OUT_OF_STOCK\"}", 2.0)
				.containsEntry("inventory_alerts_total{" + APP + ",type=\"BACK_IN_STOCK\"}", 1.0)
				.containsEntry("inventory_alerts_total{" + APP + ",type=\"LOW_STOCK\"}", 0.0)
				.containsEntry("inventory_alerts_publish_failures_total{" + APP + "}", 0.0);
			assertThat(series.get("inventory_consumer_behind_seconds{" + APP + ",binding=\"sendStockAlerts-in-0\"}"))
				.as("the batch's records arrived before it was received")
				.isPositive();
		});
	}

}
