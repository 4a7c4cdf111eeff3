package com.retail.inventory.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.infra.SynthesizedApp.Variant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * New uploads reach ingest's queue wherever they are written in the bucket: the bucket
 * notification (no key filter), the queue policy that admits it, their order.
 */
class NotificationWiringTests {

	private static final InventoryResources NAMES = InventoryResources.load();

	private final Template template = SynthesizedApp.of(Variant.DEFAULTS).dataTemplate();

	private final TemplateResources resources = new TemplateResources(SynthesizedApp.of(Variant.DEFAULTS).dataJson());

	private final String queueId = resources.single("AWS::SQS::Queue", "QueueName", NAMES.uploadEventsQueue()).getKey();

	@Test
	void bucketSendsEveryObjectCreatedAnywhereInTheBucketToTheUploadQueue() {
		template.hasResourceProperties("AWS::S3::Bucket",
				Map.of("NotificationConfiguration",
						Map.of("QueueConfigurations",
								List.of(Map.of("Event", "s3:ObjectCreated:*", "Queue",
										Map.of("Fn::GetAtt", List.of(queueId, "Arn")), "Filter", Match.absent())),
								"LambdaConfigurations", Match.absent(), "TopicConfigurations", Match.absent(),
								"EventBridgeConfiguration", Match.absent())));
	}

	/**
	 * Stores upload to the bucket root (`aws s3 cp file.csv s3://bucket/`): a key filter
	 * would drop those.
	 */
	@Test
	void notificationHasNoKeyFilterSoUploadsToTheBucketRootReachIngest() {
		Map<String, Object> bucket = TemplateResources
			.properties(resources.ofType("AWS::S3::Bucket").values().iterator().next());
		Map<String, Object> notifications = TemplateResources.map(bucket.get("NotificationConfiguration"));
		assertThat(notifications).containsOnlyKeys("QueueConfigurations");
		List<Object> queueConfigurations = TemplateResources.list(notifications.get("QueueConfigurations"));
		assertThat(queueConfigurations).hasSize(1);
		assertThat(TemplateResources.map(queueConfigurations.get(0))).as("no Filter: every key, reports included")
			.containsOnlyKeys("Event", "Queue");
	}

	@Test
	void uploadQueuePolicyLetsOnlyThisBucketOfThisAccountSendMessages() {
		Map<String, Object> policy = resources.ofType("AWS::SQS::QueuePolicy")
			.values()
			.stream()
			.map(TemplateResources::properties)
			.filter(properties -> properties.get("Queues").equals(List.of(Map.of("Ref", queueId))))
			.findFirst()
			.orElseThrow();
		List<Object> allows = TemplateResources
			.list(TemplateResources.map(policy.get("PolicyDocument")).get("Statement"))
			.stream()
			.filter(statement -> "Allow".equals(TemplateResources.map(statement).get("Effect")))
			.toList();
		assertThat(allows).hasSize(1);
		Map<String, Object> allow = TemplateResources.map(allows.get(0));
		assertThat(allow.get("Principal")).isEqualTo(Map.of("Service", "s3.amazonaws.com"));
		assertThat(allow.get("Action")).isEqualTo("sqs:SendMessage");
		assertThat(allow.get("Resource")).isEqualTo(Map.of("Fn::GetAtt", List.of(queueId, "Arn")));

		Map<String, Object> condition = TemplateResources.map(allow.get("Condition"));
		assertThat(condition).containsOnlyKeys("ArnEquals", "StringEquals");
		assertThat(CfnExpressions.render(TemplateResources.map(condition.get("ArnEquals")).get("aws:SourceArn")))
			.as("the bucket, named as it is deployed")
			.isEqualTo("arn:${AWS::Partition}:s3:::" + renderedBucketName());
		assertThat(TemplateResources.map(condition.get("StringEquals")))
			.isEqualTo(Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")));
	}

	@Test
	void bucketIsCreatedAfterTheQueuePolicyBecauseS3ChecksItWhenConfiguringTheNotification() {
		String policyId = resources.ofType("AWS::SQS::QueuePolicy")
			.entrySet()
			.stream()
			.filter(entry -> TemplateResources.properties(entry.getValue())
				.get("Queues")
				.equals(List.of(Map.of("Ref", queueId))))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
		template.hasResource("AWS::S3::Bucket", Map.of("DependsOn", Match.arrayWith(List.of(policyId))));
	}

	/**
	 * S3 notifies the upload queue only: the loader's dead-letter queue receives nothing
	 * from the bucket, and its resource policy admits nobody (it only refuses plain
	 * HTTP); the loader sends through its IAM role.
	 */
	@Test
	void recordsDeadLetterQueueGetsNoNotificationsAndItsPolicyAllowsNoOne() {
		String recordsDlqId = resources.single("AWS::SQS::Queue", "QueueName", NAMES.recordsDlq()).getKey();
		Map<String, Object> bucket = TemplateResources
			.properties(resources.ofType("AWS::S3::Bucket").values().iterator().next());
		assertThat(TemplateResources
			.list(TemplateResources.map(bucket.get("NotificationConfiguration")).get("QueueConfigurations")))
			.map(configuration -> TemplateResources.map(configuration).get("Queue"))
			.containsExactly(Map.of("Fn::GetAtt", List.of(queueId, "Arn")));

		List<Map<String, Object>> policies = resources.ofType("AWS::SQS::QueuePolicy")
			.values()
			.stream()
			.map(TemplateResources::properties)
			.filter(properties -> properties.get("Queues").equals(List.of(Map.of("Ref", recordsDlqId))))
			.toList();
		assertThat(policies).hasSize(1);
		assertThat(
				TemplateResources.list(TemplateResources.map(policies.get(0).get("PolicyDocument")).get("Statement")))
			.map(TemplateResources::map)
			.allSatisfy(statement -> assertThat(statement.get("Effect")).isEqualTo("Deny"))
			.singleElement()
			.satisfies(statement -> assertThat(statement.get("Condition"))
				.isEqualTo(Map.of("Bool", Map.of("aws:SecureTransport", "false"))));
	}

	@Test
	void noLambdaBackedNotificationHandlerIsDeployed() {
		template.resourceCountIs("Custom::S3BucketNotifications", 0);
		template.resourceCountIs("AWS::Lambda::Function", 0);
	}

	private String renderedBucketName() {
		return CfnExpressions
			.render(TemplateResources.properties(resources.ofType("AWS::S3::Bucket").values().iterator().next())
				.get("BucketName"));
	}

}
