package com.retail.inventory.loader;

import com.retail.inventory.contracts.TablesReadiness;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Readiness beyond the binder's own check: the tables every batch writes (the inventory
 * and the upload tracking) and the lease table KCL checkpoints in, so a missing table or
 * permission shows as not ready instead of every batch failing.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessConfiguration {

	@Bean
	HealthIndicator tables(DynamoDbClient dynamoDb, LoaderProperties properties,
			@Value("${inventory.loader.health-cache:5s}") Duration cache) {
		return TablesReadiness.of(dynamoDb,
				List.of(properties.table(), properties.uploadsTable(), properties.leases().leaseTable()), cache);
	}

}
