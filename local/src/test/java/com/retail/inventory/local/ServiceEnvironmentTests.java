package com.retail.inventory.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentTests {

	private static final AwsEndpoints ENDPOINTS = new AwsEndpoints(URI.create("http://127.0.0.1:4566"),
			URI.create("http://127.0.0.1:4568"));

	private static final LocalResources RESOURCES = new LocalResources("inventory-uploads", "queue-url", "dlq-url",
			"inventory-records", "inventory-changes", "Inventory", "table-stream-arn", "InventoryAlertLog",
			"arn:aws:sns:us-east-1:123456789012:NoStock", "alerts-queue-url", "us-east-1_pool", "client-id",
			"LoaderLeases", "StockAlertLeases", "records-dlq-url");

	private final ServiceEnvironment environment = new ServiceEnvironment(ENDPOINTS, RESOURCES);

	@Test
	void everyServiceGetsTheStandardAwsSettingsOfTheEmulators() {
		for (String service : ServiceEnvironment.SERVICES) {
			assertThat(environment.of(service)).containsAllEntriesOf(ENDPOINTS.environment())
				.containsEntry("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")
				.containsEntry("AWS_ENDPOINT_URL_KINESIS", "http://127.0.0.1:4568")
				.doesNotContainKey("SERVER_PORT");
		}
	}

	@Test
	void eachServiceGetsWhatItNeedsLocallyAndNothingElse() {
		for (String s3User : List.of("ingest", "loader", "dashboard")) {
			assertThat(environment.of(s3User)).containsEntry("SPRING_CLOUD_AWS_S3_PATH_STYLE_ACCESS_ENABLED", "true");
		}
		assertThat(environment.of("stock-alert"))
			.containsEntry("INVENTORY_STOCK_ALERT_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:NoStock")
			.doesNotContainKey("SPRING_CLOUD_AWS_S3_PATH_STYLE_ACCESS_ENABLED");
		assertThat(environment.of("dashboard"))
			.containsEntry("INVENTORY_DASHBOARD_COGNITO_USER_POOL_ID", "us-east-1_pool")
			.containsEntry("INVENTORY_DASHBOARD_COGNITO_CLIENT_ID", "client-id")
			.containsEntry("INVENTORY_DASHBOARD_COGNITO_JWK_SET_URI",
					"http://127.0.0.1:4566/us-east-1_pool/.well-known/jwks.json");
		Map<String, String> loader = new LinkedHashMap<>(ENDPOINTS.environment());
		loader.put("SPRING_MAIN_BANNER_MODE", "off");
		loader.put("SPRING_CLOUD_AWS_S3_PATH_STYLE_ACCESS_ENABLED", "true");
		assertThat(environment.of("loader")).isEqualTo(loader);
	}

	@Test
	void anUnknownServiceIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> environment.of("billing"))
			.withMessageContaining("billing");
	}

}
