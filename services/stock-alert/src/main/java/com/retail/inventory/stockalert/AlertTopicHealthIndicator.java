package com.retail.inventory.stockalert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Whether alerts can be published: the topic exists and this service may use it
 * (GetTopicAttributes, checked at most every {@link #CACHE}). Part of readiness, so a
 * missing topic or a missing permission shows as the service not ready, with the reason,
 * instead of batches failing over and over unseen.
 */
@Component("alertTopic")
class AlertTopicHealthIndicator implements HealthIndicator {

	static final Duration CACHE = Duration.ofSeconds(30);

	private final SnsClient sns;

	private final String topicArn;

	private final Clock clock;

	private Health last;

	private Instant checkedAt = Instant.MIN;

	AlertTopicHealthIndicator(SnsClient sns, StockAlertProperties properties) {
		this.sns = sns;
		this.topicArn = properties.topicArn();
		this.clock = Clock.systemUTC();
	}

	@Override
	public synchronized Health health() {
		Instant now = this.clock.instant();
		if (this.last == null || now.isAfter(this.checkedAt.plus(CACHE))) {
			this.last = check();
			this.checkedAt = now;
		}
		return this.last;
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
