package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.TablesReadiness;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Readiness beyond the binder's and the topic's checks
 * ({@link AlertTopicHealthIndicator}): the tables each batch reads and writes (the alert
 * log and the thresholds).
 */
@Configuration(proxyBeanMethods = false)
class ReadinessConfiguration {

	@Bean
	HealthIndicator tables(DynamoDbClient dynamoDb, StockAlertProperties properties,
			@Value("${inventory.stock-alert.health-cache:5s}") Duration cache) {
		return TablesReadiness.of(dynamoDb,
				List.of(properties.alertLogTable(), properties.thresholdsTable(), properties.leases().leaseTable()),
				cache);
	}

}
