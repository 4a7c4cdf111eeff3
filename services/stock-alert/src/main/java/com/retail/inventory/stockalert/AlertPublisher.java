package com.retail.inventory.stockalert;

import io.awspring.cloud.sns.core.SnsNotification;
import io.awspring.cloud.sns.core.SnsTemplate;
import org.springframework.stereotype.Component;

/** Publishes an alert to the SNS topic: a human-readable message plus attributes for subscription filters. */
@Component
class AlertPublisher {

	private final SnsTemplate sns;

	private final String topicArn;

	AlertPublisher(SnsTemplate sns, StockAlertProperties properties) {
		this.sns = sns;
		this.topicArn = properties.topicArn();
	}

	void publish(StockAlert alert) {
		sns.sendNotification(topicArn, SnsNotification.builder(alert.message())
			.subject(StockAlert.SUBJECT)
			.header("store", alert.store())
			.header("item", alert.item())
			.header("count", alert.count())
			.header("type", alert.type())
			.build());
	}
}
