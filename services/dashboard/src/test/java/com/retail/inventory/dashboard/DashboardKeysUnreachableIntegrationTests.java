package com.retail.inventory.dashboard;

import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.Readiness;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
		Readiness.of(this.port).awaitDown("cognitoKeys", "jwkSetUri", (uri) -> uri.endsWith("/.well-known/jwks.json"));
	}

}
