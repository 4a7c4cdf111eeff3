package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.RecentResult;
import com.retail.inventory.contracts.TablesReadiness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The readiness checks of what a request needs: the tables it reads and writes
 * (DescribeTable of the inventory, uploads and thresholds tables) and Cognito's signing
 * keys (a GET of the JWK set: 200 with keys), without which no token can be checked. Each
 * result is reused for {@code inventory.dashboard.health-cache}: several pods probed
 * every few seconds would otherwise multiply the calls.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessConfiguration {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	@Bean
	HealthIndicator tables(DynamoDbClient dynamoDb, DashboardProperties properties,
			@Value("${inventory.dashboard.health-cache:5s}") Duration cache) {
		List<String> tables = List.of(properties.table(), properties.uploads().table(),
				properties.thresholds().table());
		return TablesReadiness.of(dynamoDb, tables, cache);
	}

	@Bean
	HealthIndicator cognitoKeys(DashboardProperties properties,
			@Value("${inventory.dashboard.health-cache:5s}") Duration cache) {
		URI jwks = properties.cognito().jwks();
		HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
		RecentResult<Health> recent = new RecentResult<>(cache, () -> {
			try {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(jwks).timeout(TIMEOUT).build(),
						HttpResponse.BodyHandlers.ofString());
				boolean keys = response.statusCode() == 200
						&& !JsonMapper.shared().readTree(response.body()).path("keys").isEmpty();
				return (keys ? Health.up() : Health.down().withDetail("status", response.statusCode()))
					.withDetail("jwkSetUri", jwks.toString())
					.build();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Health.down(ex).withDetail("jwkSetUri", jwks.toString()).build();
			}
			catch (Exception ex) {
				return Health.down()
					.withDetail("jwkSetUri", jwks.toString())
					.withDetail("reason", "no signing keys: " + ex)
					.build();
			}
		});
		return recent::get;
	}

}
