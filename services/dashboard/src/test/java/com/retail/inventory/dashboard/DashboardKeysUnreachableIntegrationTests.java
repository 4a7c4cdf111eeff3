package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.retail.inventory.local.LocalAwsExtension;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Without Cognito's signing keys no token can be checked: readiness is DOWN and names
 * them (the JWK set URI on a port nothing listens on).
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DashboardKeysUnreachableIntegrationTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void cognito(DynamicPropertyRegistry registry) throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		String keys = "http://localhost:" + closed + "/.well-known/jwks.json";
		registry.add("inventory.dashboard.cognito.user-pool-id", () -> LocalAwsExtension.resources().userPoolId());
		registry.add("inventory.dashboard.cognito.client-id", () -> LocalAwsExtension.resources().userPoolClientId());
		registry.add("inventory.dashboard.cognito.jwk-set-uri", () -> keys);
		registry.add("spring.cloud.aws.s3.path-style-access-enabled", () -> "true");
	}

	@Test
	void isNotReadyWithoutTheSigningKeys() {
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> ready = DashboardReadinessIntegrationTests.get(http, this.port);
			assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
			JsonNode keys = JsonMapper.shared().readTree(ready.body()).get("components").get("cognitoKeys");
			assertThat(keys.get("status").asString()).isEqualTo("DOWN");
			assertThat(keys.get("details").get("jwkSetUri").asString()).endsWith("/.well-known/jwks.json");
		});
	}

}
