package com.retail.inventory.contracts;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The readiness check of the DynamoDB tables a service needs, the same in every service:
 * DescribeTable of each (the services' roles allow it on exactly those tables), so a
 * missing table or permission makes the service not ready with the table named; the
 * result reused for a while ({@link RecentResult}).
 */
public final class TablesReadiness {

	private TablesReadiness() {
	}

	/** A health indicator of those tables, checked at most once per {@code cache}. */
	public static HealthIndicator of(DynamoDbClient dynamoDb, List<String> tables, Duration cache) {
		RecentResult<Health> recent = new RecentResult<>(cache, () -> check(dynamoDb, tables));
		return recent::get;
	}

	static Health check(DynamoDbClient dynamoDb, List<String> tables) {
		for (String table : tables) {
			try {
				dynamoDb.describeTable((b) -> b.tableName(table));
			}
			catch (SdkException ex) {
				return Health.down()
					.withDetail("table", table)
					.withDetail("reason", "the table cannot be used: " + ex.getMessage())
					.build();
			}
		}
		return Health.up().withDetail("tables", tables).build();
	}

}
