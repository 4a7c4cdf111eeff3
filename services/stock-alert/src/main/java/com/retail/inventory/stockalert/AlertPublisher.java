package com.retail.inventory.stockalert;

import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes an alert to the SNS topic: a human-readable message plus exactly the
 * attributes subscribers filter on ({@code store}, {@code item}, {@code count},
 * {@code type}). The SDK client rather than Spring's SnsTemplate, which would add
 * Spring's own message headers (id, timestamp, contentType) as attributes.
 */
@Component
class AlertPublisher {

	private final SnsClient sns;

	private final String topicArn;

	AlertPublisher(SnsClient sns, StockAlertProperties properties) {
		this.sns = sns;
		this.topicArn = properties.topicArn();
	}

	void publish(StockAlert alert) {
		sns.publish(b -> b.topicArn(topicArn)
			.subject(StockAlert.SUBJECT)
			.message(alert.message())
			.messageAttributes(Map.of("store", text(alert.store()), "item", text(alert.item()), "count",
					MessageAttributeValue.builder()
						.dataType("Number")
						.stringValue(Long.toString(alert.count()))
						.build(),
					"type", text(alert.type()))));
	}

	private static MessageAttributeValue text(String value) {
		return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
	}

}
