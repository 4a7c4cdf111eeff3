package com.retail.inventory.infra;

import static com.retail.inventory.infra.TemplateResources.list;
import static com.retail.inventory.infra.TemplateResources.map;
import static com.retail.inventory.infra.TemplateResources.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.infra.SynthesizedApp.Variant;
import com.retail.inventory.infra.data.OpsNotifications;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The CloudWatch alarms of the data stack and the ops topic they notify: each alarm's
 * metric, namespace, dimension (the resource it watches, by reference), statistic,
 * period, threshold and missing-data treatment, exactly; every alarm's actions; the
 * topic's key, policies and subscriptions.
 */
class OperationsAlarmsTests {

	private static final InventoryResources NAMES = InventoryResources.load();

	private final TemplateResources resources = new TemplateResources(SynthesizedApp.of(Variant.DEFAULTS).dataJson());

	private final Template template = SynthesizedApp.of(Variant.DEFAULTS).dataTemplate();

	@Test
	void deadLetterQueueAlarmsFireOnTheirFirstMessage() {
		for (String queue : List.of(NAMES.uploadEventsDlq(), NAMES.recordsDlq())) {
			String queueId = resources.single("AWS::SQS::Queue", "QueueName", queue).getKey();
			assertThat(alarm(queue + "-not-empty")).as(queue)
				.containsAllEntriesOf(metric("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName",
						getAtt(queueId, "QueueName"), "Maximum", 60))
				.containsAllEntriesOf(condition(0, 1, "notBreaching"));
		}
	}

	/** Five minutes behind for five minutes, or nobody calling GetRecords that long. */
	@Test
	void iteratorAgeAlarmsFireWhenConsumersAreFiveMinutesBehindOrGone() {
		for (String stream : List.of(NAMES.recordsStream(), NAMES.changesStream())) {
			String streamId = resources.single("AWS::Kinesis::Stream", "Name", stream).getKey();
			assertThat(alarm(stream + "-consumers-behind")).as(stream)
				.containsAllEntriesOf(metric("AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds", "StreamName",
						Map.of("Ref", streamId), "Maximum", 60))
				.containsAllEntriesOf(condition(5 * 60 * 1000, 5, "breaching"));
		}
	}

	/**
	 * Three visibility timeouts: a notification ingest failed on three times (of five
	 * before the DLQ), or one nobody receives.
	 */
	@Test
	void uploadQueueAlarmFiresWhenANotificationWaitsThreeVisibilityTimeouts() {
		assertThat(NAMES.uploadEventsVisibilityTimeoutSeconds()).isEqualTo(300);
		String queueId = resources.single("AWS::SQS::Queue", "QueueName", NAMES.uploadEventsQueue()).getKey();
		assertThat(alarm(NAMES.uploadEventsQueue() + "-oldest-message"))
			.containsAllEntriesOf(metric("AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName",
					getAtt(queueId, "QueueName"), "Maximum", 60))
			.containsAllEntriesOf(condition(3 * NAMES.uploadEventsVisibilityTimeoutSeconds(), 1, "notBreaching"))
			.containsEntry("Threshold", 900);
	}

	/**
	 * Deliveries to email/SMS that SNS gave up on. stock-alert's own failed Publish calls
	 * never reach SNS's metrics: its Prometheus counter and the chart's rule cover those.
	 */
	@Test
	void noStockAlarmFiresOnAFailedDelivery() {
		String topicId = resources.single("AWS::SNS::Topic", "TopicName", NAMES.noStockTopic()).getKey();
		assertThat(alarm(NAMES.noStockTopic() + "-deliveries-failing"))
			.containsAllEntriesOf(metric("AWS/SNS", "NumberOfNotificationsFailed", "TopicName",
					getAtt(topicId, "TopicName"), "Sum", 300))
			.containsAllEntriesOf(condition(0, 1, "notBreaching"));
	}

	@ParameterizedTest
	@EnumSource(Variant.class)
	void everyAlarmNotifiesTheOpsTopicWhenItFiresAndWhenItClears(Variant variant) {
		TemplateResources data = new TemplateResources(SynthesizedApp.of(variant).dataJson());
		Map<String, Object> opsTopic = Map.of("Ref",
				data.single("AWS::SNS::Topic", "TopicName", OpsNotifications.TOPIC_NAME).getKey());
		Map<String, Map<String, Object>> alarms = data.ofType("AWS::CloudWatch::Alarm");
		assertThat(alarms.values().stream().map(alarm -> properties(alarm).get("AlarmName"))).containsExactlyInAnyOrder(
				NAMES.uploadEventsDlq() + "-not-empty", NAMES.recordsDlq() + "-not-empty",
				NAMES.recordsStream() + "-consumers-behind", NAMES.changesStream() + "-consumers-behind",
				NAMES.uploadEventsQueue() + "-oldest-message", NAMES.noStockTopic() + "-deliveries-failing");
		for (Map<String, Object> alarm : alarms.values()) {
			Map<String, Object> properties = properties(alarm);
			assertThat(properties).as("%s", properties.get("AlarmName"))
				.containsEntry("AlarmActions", List.of(opsTopic))
				.containsEntry("OKActions", List.of(opsTopic))
				.doesNotContainKeys("InsufficientDataActions", "ActionsEnabled")
				.containsKey("AlarmDescription");
		}
	}

	/**
	 * Encrypted, but with a key of its own: CloudWatch cannot use the AWS managed
	 * alias/aws/sns, so alarms could not publish to a topic encrypted with it.
	 */
	@Test
	void opsTopicIsEncryptedWithAKeyCloudWatchAlarmsOfTheAccountMayUse() {
		Map.Entry<String, Map<String, Object>> topic = resources.single("AWS::SNS::Topic", "TopicName",
				OpsNotifications.TOPIC_NAME);
		Map<String, Map<String, Object>> keys = resources.ofType("AWS::KMS::Key");
		assertThat(keys).hasSize(1);
		String keyId = keys.keySet().iterator().next();
		assertThat(properties(topic.getValue())).containsEntry("KmsMasterKeyId", getAtt(keyId, "Arn"));
		template.hasResource("AWS::KMS::Key", Map.of("DeletionPolicy", "Delete", "Properties",
				Match.objectLike(Map.of("EnableKeyRotation", true, "PendingWindowInDays", 7))));

		List<Object> statements = list(map(properties(keys.get(keyId)).get("KeyPolicy")).get("Statement"));
		assertThat(statements).hasSize(2);
		// CDK's default: the account administers the key through IAM.
		assertThat(map(statements.get(0))).containsEntry("Effect", "Allow")
			.containsEntry("Action", "kms:*")
			.containsEntry("Resource", "*")
			.containsKey("Principal")
			.doesNotContainKey("Condition");
		assertThat(CfnExpressions.render(map(map(statements.get(0)).get("Principal")).get("AWS")))
			.isEqualTo("arn:${AWS::Partition}:iam::${AWS::AccountId}:root");
		Map<String, Object> cloudWatch = map(statements.get(1));
		assertThat(cloudWatch).containsEntry("Effect", "Allow")
			.containsEntry("Principal", Map.of("Service", "cloudwatch.amazonaws.com"))
			.containsEntry("Action", List.of("kms:GenerateDataKey", "kms:Decrypt"))
			.containsEntry("Resource", "*");
		assertOwnAlarmsOnly(cloudWatch);
	}

	/**
	 * TLS only, like every resource policy here; CloudWatch named because a topic policy
	 * replaces SNS's default one.
	 */
	@Test
	void opsTopicPolicyRefusesPlainHttpAndAdmitsOnlyThisAccountsAlarms() {
		String topicId = resources.single("AWS::SNS::Topic", "TopicName", OpsNotifications.TOPIC_NAME).getKey();
		List<Map<String, Object>> policies = resources.ofType("AWS::SNS::TopicPolicy")
			.values()
			.stream()
			.map(TemplateResources::properties)
			.filter(policy -> list(policy.get("Topics")).contains(Map.of("Ref", topicId)))
			.toList();
		assertThat(policies).hasSize(1);
		List<Object> statements = list(map(policies.get(0).get("PolicyDocument")).get("Statement"));
		assertThat(statements).hasSize(2);
		assertThat(map(statements.get(0))).containsEntry("Effect", "Deny")
			.containsEntry("Action", "sns:Publish")
			.containsEntry("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
		Map<String, Object> cloudWatch = map(statements.get(1));
		assertThat(cloudWatch).containsEntry("Effect", "Allow")
			.containsEntry("Principal", Map.of("Service", "cloudwatch.amazonaws.com"))
			.containsEntry("Action", "sns:Publish")
			.containsEntry("Resource", Map.of("Ref", topicId));
		assertOwnAlarmsOnly(cloudWatch);
	}

	@Test
	void opsEmailsAreSubscribedToTheOpsTopicOnly() {
		assertThat(resources.ofType("AWS::SNS::Subscription")).isEmpty();

		TemplateResources subscribed = new TemplateResources(SynthesizedApp.of(Variant.EXISTING_CLUSTER).dataJson());
		Map<String, Object> opsTopic = Map.of("Ref",
				subscribed.single("AWS::SNS::Topic", "TopicName", OpsNotifications.TOPIC_NAME).getKey());
		assertThat(subscribed.ofType("AWS::SNS::Subscription")
			.values()
			.stream()
			.map(TemplateResources::properties)
			.filter(subscription -> opsTopic.equals(subscription.get("TopicArn")))).containsExactlyInAnyOrder(
					Map.of("Protocol", "email", "Endpoint", "oncall@example.com", "TopicArn", opsTopic),
					Map.of("Protocol", "email", "Endpoint", "ops@example.com", "TopicArn", opsTopic));
	}

	@Test
	void opsTopicArnIsAnOutput() {
		String topicId = resources.single("AWS::SNS::Topic", "TopicName", OpsNotifications.TOPIC_NAME).getKey();
		assertThat(map(resources.outputs().get(OutputKeys.OPS_TOPIC_ARN)).get("Value"))
			.isEqualTo(Map.of("Ref", topicId));
	}

	/** This account, and its alarms: the service principal alone admits any account. */
	private static void assertOwnAlarmsOnly(Map<String, Object> statement) {
		Map<String, Object> condition = map(statement.get("Condition"));
		assertThat(condition).containsOnlyKeys("StringEquals", "ArnLike");
		assertThat(map(condition.get("StringEquals"))).containsOnlyKeys("aws:SourceAccount");
		assertThat(CfnExpressions.render(map(condition.get("StringEquals")).get("aws:SourceAccount")))
			.isEqualTo("${AWS::AccountId}");
		assertThat(map(condition.get("ArnLike"))).containsOnlyKeys("aws:SourceArn");
		assertThat(CfnExpressions.render(map(condition.get("ArnLike")).get("aws:SourceArn")))
			.isEqualTo("arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:*");
	}

	private Map<String, Object> alarm(String name) {
		return properties(resources.single("AWS::CloudWatch::Alarm", "AlarmName", name).getValue());
	}

	private static Map<String, Object> metric(String namespace, String metricName, String dimension, Object resource,
			String statistic, int periodSeconds) {
		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("Namespace", namespace);
		expected.put("MetricName", metricName);
		expected.put("Dimensions", List.of(Map.of("Name", dimension, "Value", resource)));
		expected.put("Statistic", statistic);
		expected.put("Period", periodSeconds);
		return expected;
	}

	/** Greater than the threshold in every evaluated period. */
	private static Map<String, Object> condition(int threshold, int periods, String missingData) {
		return Map.of("ComparisonOperator", "GreaterThanThreshold", "Threshold", threshold, "EvaluationPeriods",
				periods, "DatapointsToAlarm", periods, "TreatMissingData", missingData);
	}

	private static Map<String, Object> getAtt(String logicalId, String attribute) {
		return Map.of("Fn::GetAtt", List.of(logicalId, attribute));
	}

}
