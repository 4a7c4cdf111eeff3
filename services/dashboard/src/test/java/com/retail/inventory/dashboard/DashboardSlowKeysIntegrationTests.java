package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.local.DemoUsers;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/**
 * A signing-key endpoint that takes over a second to answer (a busy emulator, a slow
 * network) still lets a signed-in user in: the first request waits for the keys rather
 * than failing on the key client's default 500 ms timeouts.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DashboardSlowKeysIntegrationTests {

	private static final long DELAY_MILLIS = 1_500;

	private static final AtomicInteger served = new AtomicInteger();

	private static HttpServer slowKeys;

	@LocalServerPort
	int port;

	/** Serves the emulator's keys, each answer after {@link #DELAY_MILLIS}. */
	@DynamicPropertySource
	static void cognito(DynamicPropertyRegistry registry) throws IOException {
		DashboardTestProperties.register(registry);
		slowKeys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		slowKeys.createContext("/.well-known/jwks.json", (exchange) -> {
			URI keys = URI.create(LocalAwsExtension.endpoints().aws() + "/" + LocalAwsExtension.resources().userPoolId()
					+ "/.well-known/jwks.json");
			byte[] body;
			try (InputStream in = keys.toURL().openStream()) {
				body = in.readAllBytes();
				Thread.sleep(DELAY_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
			served.incrementAndGet();
		});
		slowKeys.start();
		registry.add("inventory.dashboard.cognito.jwk-set-uri",
				() -> "http://127.0.0.1:" + slowKeys.getAddress().getPort() + "/.well-known/jwks.json");
	}

	@BeforeAll
	static void users(LocalAwsClients aws, LocalResources resources) {
		DemoUsers.create(aws.cognito(), resources.userPoolId());
		DemoUsers.confirmAll(aws.cognito(), resources.userPoolId());
	}

	@AfterAll
	static void stop() {
		slowKeys.stop(0);
	}

	@Test
	void aTokenIsCheckedAgainstKeysThatTakeOverASecond(LocalAwsClients aws, LocalResources resources) throws Exception {
		String token = aws.cognito()
			.initiateAuth((b) -> b.clientId(resources.userPoolClientId())
				.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
				.authParameters(Map.of("USERNAME", DemoUsers.USERNAME, "PASSWORD", DemoUsers.PASSWORD)))
			.authenticationResult()
			.idToken();
		int before = served.get();

		HttpResponse<String> stores = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/stores"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(stores.statusCode()).as(stores.body()).isEqualTo(200);
		assertThat(served.get()).as("keys fetched through the slow endpoint").isGreaterThan(before);
	}

}
