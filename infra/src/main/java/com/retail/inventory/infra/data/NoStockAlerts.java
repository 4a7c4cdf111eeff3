package com.retail.inventory.infra.data;

import com.retail.inventory.contracts.AlertMessage;
import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.infra.StoreAlertSubscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.sns.CfnTopic;
import software.amazon.awscdk.services.sns.ITopicSubscription;
import software.amazon.awscdk.services.sns.StringConditions;
import software.amazon.awscdk.services.sns.SubscriptionFilter;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscriptionProps;
import software.amazon.awscdk.services.sns.subscriptions.SmsSubscription;
import software.amazon.awscdk.services.sns.subscriptions.SmsSubscriptionProps;
import software.constructs.Construct;

/**
 * The NoStock topic stock-alert publishes to, with the email and SMS subscriptions of
 * this deployment: head office's to every alert, stores' to their own alerts through a
 * filter policy on the message attributes ({@link AlertMessage}).
 *
 * <p>
 * Encrypted with the AWS managed key {@code alias/aws/sns}: publishers in the account
 * need no KMS permission for it. It suits email and SMS endpoints; a future SQS or Lambda
 * subscriber, or another AWS service publishing (e.g. CloudWatch alarms), would need a
 * customer managed key whose policy admits it. Email subscribers must confirm the email
 * AWS sends them before they receive alerts.
 */
public final class NoStockAlerts extends Construct {

	static final String AWS_MANAGED_KEY = "alias/aws/sns";

	private final Topic topic;

	public NoStockAlerts(Construct scope, String id, InventoryResources names, List<String> emails,
			List<String> smsNumbers, List<StoreAlertSubscription> storeSubscriptions) {
		super(scope, id);
		this.topic = Topic.Builder.create(this, "Topic")
			.topicName(names.noStockTopic())
			.displayName("Inventory: out of stock")
			.enforceSsl(true)
			.build();
		// Set on the resource: Topic.masterKey would need an IKey and render the alias as
		// a region-specific ARN.
		((CfnTopic) topic.getNode().getDefaultChild()).setKmsMasterKeyId(AWS_MANAGED_KEY);
		emails.forEach(email -> topic.addSubscription(new EmailSubscription(email)));
		smsNumbers.forEach(number -> topic.addSubscription(new SmsSubscription(number)));
		storeSubscriptions.forEach(subscription -> topic.addSubscription(filtered(subscription)));
	}

	/**
	 * {@code {"store": [stores]}}, and {@code "type": [types]} when it names types: SNS
	 * delivers an alert whose attributes match one value of every key.
	 */
	private static ITopicSubscription filtered(StoreAlertSubscription subscription) {
		Map<String, SubscriptionFilter> filterPolicy = new LinkedHashMap<>();
		filterPolicy.put(AlertMessage.STORE, anyOf(subscription.stores()));
		if (!subscription.types().isEmpty()) {
			filterPolicy.put(AlertMessage.TYPE, anyOf(subscription.typeNames()));
		}
		if (subscription.sms()) {
			return new SmsSubscription(subscription.endpoint(),
					SmsSubscriptionProps.builder().filterPolicy(filterPolicy).build());
		}
		return new EmailSubscription(subscription.endpoint(),
				EmailSubscriptionProps.builder().filterPolicy(filterPolicy).build());
	}

	private static SubscriptionFilter anyOf(List<String> values) {
		return SubscriptionFilter.stringFilter(StringConditions.builder().allowlist(values).build());
	}

	public Topic topic() {
		return topic;
	}

}
