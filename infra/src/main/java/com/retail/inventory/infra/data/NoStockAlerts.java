package com.retail.inventory.infra.data;

import com.retail.inventory.contracts.InventoryResources;
import java.util.List;
import software.amazon.awscdk.services.sns.CfnTopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sns.subscriptions.SmsSubscription;
import software.constructs.Construct;

/**
 * The NoStock topic stock-alert publishes to, with the email and SMS subscriptions of
 * this deployment.
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
			List<String> smsNumbers) {
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
	}

	public Topic topic() {
		return topic;
	}

}
