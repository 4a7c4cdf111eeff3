package com.retail.inventory.infra.data;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The operations topic ({@value #TOPIC_NAME}) the CloudWatch alarms of
 * {@link OperationsAlarms} notify, with the email subscriptions of this deployment
 * (context {@code opsAlarmEmails}); operators may subscribe anything else to it (a pager,
 * a chat integration) by its ARN, the output {@code OpsTopicArn}.
 *
 * <p>
 * Encrypted and TLS-only like the NoStock topic, but not with the AWS managed key
 * {@code alias/aws/sns}: its key policy does not admit CloudWatch, so alarms could not
 * publish (the alarm would change state and notify nobody). Hence the one customer
 * managed key of the platform ($1 a month), used by this topic only, whose policy lets
 * this account's CloudWatch alarms use it. The topic policy must name CloudWatch too: a
 * topic policy replaces SNS's default one, which is what lets an account's own alarms
 * publish.
 */
public final class OpsNotifications extends Construct {

	/**
	 * Not in inventory-resources.properties: no service and no local runner uses it.
	 */
	public static final String TOPIC_NAME = "InventoryOps";

	static final String CLOUDWATCH = "cloudwatch.amazonaws.com";

	/**
	 * A deleted key can be restored for this long; it encrypts only messages in flight.
	 */
	static final int KEY_PENDING_WINDOW_DAYS = 7;

	private final Key key;

	private final Topic topic;

	public OpsNotifications(Construct scope, String id, List<String> emails) {
		super(scope, id);
		// Alarms of this account only (confused deputy: the service principal alone would
		// admit any account's alarm), for the key and the topic alike.
		Map<String, Object> ownAlarmsOnly = Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
				"ArnLike",
				Map.of("aws:SourceArn",
						Stack.of(this)
							.formatArn(ArnComponents.builder()
								.service("cloudwatch")
								.resource("alarm")
								.resourceName("*")
								.arnFormat(ArnFormat.COLON_RESOURCE_NAME)
								.build())));

		// CDK's default key policy: the account administers the key through IAM (without
		// that statement a key can become unmanageable). The key encrypts this topic
		// only.
		this.key = Key.Builder.create(this, "Key")
			.description("Encrypts the " + TOPIC_NAME + " topic; CloudWatch alarms of the account may use it")
			.enableKeyRotation(true)
			.pendingWindow(Duration.days(KEY_PENDING_WINDOW_DAYS))
			.removalPolicy(RemovalPolicy.DESTROY)
			.build();
		key.addToResourcePolicy(PolicyStatement.Builder.create()
			.sid("AllowCloudWatchAlarmsOfThisAccount")
			.effect(Effect.ALLOW)
			.principals(List.of(new ServicePrincipal(CLOUDWATCH)))
			// What a publisher to an encrypted topic needs (SNS makes the calls on its
			// behalf).
			.actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
			// "*" in a key policy means this key.
			.resources(List.of("*"))
			.conditions(ownAlarmsOnly)
			.build());

		this.topic = Topic.Builder.create(this, "Topic")
			.topicName(TOPIC_NAME)
			.displayName("Inventory: operations alarms")
			.masterKey(key)
			.enforceSsl(true)
			.build();
		topic.addToResourcePolicy(PolicyStatement.Builder.create()
			.sid("AllowCloudWatchAlarmsOfThisAccount")
			.effect(Effect.ALLOW)
			.principals(List.of(new ServicePrincipal(CLOUDWATCH)))
			.actions(List.of("sns:Publish"))
			.resources(List.of(topic.getTopicArn()))
			.conditions(ownAlarmsOnly)
			.build());
		emails.forEach(email -> topic.addSubscription(new EmailSubscription(email)));
	}

	public Topic topic() {
		return topic;
	}

	public Key key() {
		return key;
	}

}
