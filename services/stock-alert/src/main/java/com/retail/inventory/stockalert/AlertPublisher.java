package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.AlertMessage;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Publishes an alert to the SNS topic: a human-readable message plus exactly the
 * attributes subscribers filter on ({@link AlertMessage}: {@code store}, {@code item},
 * {@code count}, {@code type}, and {@code threshold} when the item has one). The SDK
 * client rather than Spring's SnsTemplate, which would add Spring's own message headers
 * (id, timestamp, contentType) as attributes.
 */
@Component
class AlertPublisher {

	private final SnsClient sns;

	private final String topicArn;

	private final StockAlertMetrics metrics;

	AlertPublisher(SnsClient sns, StockAlertProperties properties, StockAlertMetrics metrics) {
		this.sns = sns;
		this.topicArn = properties.topicArn();
		this.metrics = metrics;
	}

	void publish(StockAlert alert) {
		Map<String, MessageAttributeValue> attributes = new HashMap<>(
				Map.of(AlertMessage.STORE, text(alert.store()), AlertMessage.ITEM, text(alert.item()),
						AlertMessage.COUNT, number(alert.count()), AlertMessage.TYPE, text(alert.type().name())));
		if (alert.threshold() != null) {
			attributes.put(AlertMessage.THRESHOLD, number(alert.threshold()));
		}
		send(PublishRequest.builder()
			.topicArn(this.topicArn)
			.subject(AlertMessage.SUBJECT)
			.message(alert.message())
			.messageAttributes(attributes)
			.build());
		this.metrics.published(alert.type(), 1);
	}

	/**
	 * Publishes a digest: attributes {@code store}, {@code type} and {@code count}, the
	 * number of items (no {@code item}: it names many).
	 */
	void publish(AlertDigest digest) {
		send(PublishRequest.builder()
			.topicArn(this.topicArn)
			.subject(AlertMessage.SUBJECT)
			.message(digest.message())
			.messageAttributes(Map.of(AlertMessage.STORE, text(digest.store()), AlertMessage.TYPE,
					text(digest.type().name()), AlertMessage.COUNT, number(digest.items().size())))
			.build());
		this.metrics.published(digest.type(), digest.items().size());
	}

	/**
	 * One SNS Publish; a failed attempt is counted (DigestWindow tries the changes
	 * again).
	 */
	private void send(PublishRequest request) {
		try {
			this.sns.publish(request);
		}
		catch (RuntimeException ex) {
			this.metrics.publishFailed();
			throw ex;
		}
	}

	private static MessageAttributeValue text(String value) {
		return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
	}

	private static MessageAttributeValue number(long value) {
		return MessageAttributeValue.builder().dataType("Number").stringValue(Long.toString(value)).build();
	}

}
