package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.RecentResult;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Whether alerts can be published: the topic exists and this service may use it
 * (GetTopicAttributes, cached for {@code inventory.stock-alert.health-cache}). Part of
 * readiness, so a missing topic or a missing permission shows as the service not ready,
 * with the reason, instead of batches failing over and over unseen.
 */
@Component("alertTopic")
class AlertTopicHealthIndicator implements HealthIndicator {

	private final SnsClient sns;

	private final String topicArn;

	private final RecentResult<Health> recent;

	AlertTopicHealthIndicator(SnsClient sns, StockAlertProperties properties,
			@Value("${inventory.stock-alert.health-cache:5s}") Duration cache) {
		this.sns = sns;
		this.topicArn = properties.topicArn();
		this.recent = new RecentResult<>(cache, this::check);
	}

	@Override
	public Health health() {
		return this.recent.get();
	}

	private Health check() {
		try {
			this.sns.getTopicAttributes((b) -> b.topicArn(this.topicArn));
			return Health.up().withDetail("topic", this.topicArn).build();
		}
		catch (SdkException ex) {
			return Health.down()
				.withDetail("topic", this.topicArn)
				.withDetail("reason", "alerts cannot be published to the topic: " + ex.getMessage())
				.build();
		}
	}

}
