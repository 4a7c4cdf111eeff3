package com.retail.inventory.ingest;

import com.retail.inventory.contracts.RecentResult;
import com.retail.inventory.contracts.TablesReadiness;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The readiness checks of what every upload needs: the upload events queue (GetQueueUrl,
 * GetQueueAttributes) and the upload tracking table (DescribeTable). Each result is
 * reused for {@code inventory.ingest.health-cache}: several pods probed every few seconds
 * would otherwise multiply the calls.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessConfiguration {

	@Bean
	HealthIndicator uploadEventsQueue(SqsAsyncClient sqs, IngestProperties properties,
			@Value("${inventory.ingest.health-cache:5s}") Duration cache) {
		String queue = properties.queue();
		RecentResult<Health> recent = new RecentResult<>(cache, () -> {
			try {
				String url = sqs.getQueueUrl((b) -> b.queueName(queue)).join().queueUrl();
				sqs.getQueueAttributes((b) -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)).join();
				return Health.up().withDetail("queue", queue).build();
			}
			catch (CompletionException | SdkException ex) {
				return down("queue", queue, ex);
			}
		});
		return recent::get;
	}

	@Bean
	HealthIndicator uploadsTable(DynamoDbClient dynamoDb, IngestProperties properties,
			@Value("${inventory.ingest.health-cache:5s}") Duration cache) {
		List<String> tables = List.of(properties.uploadsTable());
		return TablesReadiness.of(dynamoDb, tables, cache);
	}

	private static Health down(String kind, String name, Exception ex) {
		return Health.down().withDetail(kind, name).withDetail("reason", "cannot be used: " + ex.getMessage()).build();
	}

}
