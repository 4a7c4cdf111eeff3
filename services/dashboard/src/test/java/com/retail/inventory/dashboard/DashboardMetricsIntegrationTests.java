package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import com.retail.inventory.local.PrometheusScrape;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.SdkBytes;

/**
 * The dashboard with a separate management port, as the chart runs it: Prometheus scrapes
 * {@code /actuator/prometheus} there without signing in, and finds how far behind the
 * change stream the dashboard's consumer is; on the app port, which the ALB exposes, the
 * same path is refused without a token. (Without a separate port it is refused too:
 * {@link DashboardIntegrationTests}.)
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@DirtiesContext
class DashboardMetricsIntegrationTests {

	private static final String BEHIND = "inventory_consumer_behind_seconds{application=\"dashboard\","
			+ "binding=\"inventoryChanged-in-0\"}";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void cognito(DynamicPropertyRegistry registry) {
		DashboardTestProperties.register(registry);
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void prometheusScrapesTheManagementPortWithoutSigningInAndOnlyThere(LocalAwsClients aws, LocalResources resources)
			throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.port);

		HttpResponse<String> appPort = get(this.port, "/actuator/prometheus");
		assertThat(appPort.statusCode()).as("the app port, which the internet reaches").isEqualTo(401);
		assertThat(appPort.body()).contains("\"status\":401");
		assertThat(get(this.managementPort, "/actuator/metrics").statusCode())
			.as("only Prometheus' endpoint is open on the management port")
			.isEqualTo(401);
		assertThat(get(this.managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);

		HttpResponse<String> scrape = get(this.managementPort, "/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(PrometheusScrape.series(scrape.body())).containsEntry(BEHIND, 0.0);

		// The consumer reads from the newest record on: changes are written until one
		// is received.
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			aws.kinesis()
				.putRecord((b) -> b.streamName(resources.changesStream())
					.partitionKey("Berlin")
					.data(SdkBytes.fromByteArray(ChangedStoresTests.change("Berlin", "Echo Dot", "3"))));
			assertThat(PrometheusScrape.series(get(this.managementPort, "/actuator/prometheus").body()).get(BEHIND))
				.as("the batch's records arrived before it was received")
				.isPositive();
		});
	}

}
