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
 * The security properties of every data resource, as the synthesized template declares
 * them.
 */
class DataStackSecurityTests {

	private static final InventoryResources NAMES = InventoryResources.load();

	private final Template template = SynthesizedApp.of(Variant.DEFAULTS).dataTemplate();

	private final TemplateResources resources = new TemplateResources(SynthesizedApp.of(Variant.DEFAULTS).dataJson());

	@Test
	void uploadsBucketBlocksPublicAccessEncryptsVersionsAndIsRetained() {
		template.resourceCountIs("AWS::S3::Bucket", 1);
		template.hasResource("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain",
				"Properties",
				Match.objectLike(Map.of("PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true,
						"BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
						"BucketEncryption",
						Map.of("ServerSideEncryptionConfiguration",
								List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
						"VersioningConfiguration", Map.of("Status", "Enabled"), "OwnershipControls",
						Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced")))))));
	}

	@Test
	void uploadsBucketPolicyDeniesPlainHttpAndTlsBelow12() {
		template.hasResourceProperties("AWS::S3::BucketPolicy",
				Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
						Match.objectLike(Map.of("Effect", "Deny", "Action", "s3:*", "Principal", Map.of("AWS", "*"),
								"Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
						Match.objectLike(Map.of("Effect", "Deny", "Action", "s3:*", "Principal", Map.of("AWS", "*"),
								"Condition", Map.of("NumericLessThan", Map.of("s3:TlsVersion", 1.2)))))))));
	}

	/**
	 * Files and reports are kept as long as their upload items (uploads-retention-days,
	 * 90).
	 */
	@Test
	void uploadsBucketExpiresEveryObjectAfter90DaysThenOldVersionsAndAbandonedUploads() {
		assertThat(NAMES.uploadsRetentionDays()).isEqualTo(90);
		template.hasResourceProperties("AWS::S3::Bucket", Map.of("LifecycleConfiguration", Map.of("Rules", List.of(
				Map.of("Id", "ExpireCurrentObjects", "ExpirationInDays", NAMES.uploadsRetentionDays(), "Status",
						"Enabled"),
				Map.of("Id", "CleanUpOldVersionsAndAbandonedUploads", "NoncurrentVersionExpiration",
						Map.of("NoncurrentDays", 30), "ExpiredObjectDeleteMarker", true,
						"AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 7), "Status", "Enabled")))));
	}

	/**
	 * Uploads land in the bucket root, so the expiration rule cannot be scoped to a
	 * prefix; and since S3 applies the shorter of overlapping expirations, no rule may
	 * pretend to keep reports longer. Exact keys, because the pattern above would also
	 * match rules that carry an extra Prefix or Filter.
	 */
	@Test
	void lifecycleRulesApplyToTheWholeBucketWithNoPrefixOrFilter() {
		Map<String, Object> bucket = TemplateResources
			.properties(resources.ofType("AWS::S3::Bucket").values().iterator().next());
		List<Map<String, Object>> rules = TemplateResources
			.list(TemplateResources.map(bucket.get("LifecycleConfiguration")).get("Rules"))
			.stream()
			.map(TemplateResources::map)
			.toList();
		assertThat(rules).hasSize(2);
		assertThat(rules.get(0)).containsOnlyKeys("Id", "ExpirationInDays", "Status");
		assertThat(rules.get(1)).containsOnlyKeys("Id", "NoncurrentVersionExpiration", "ExpiredObjectDeleteMarker",
				"AbortIncompleteMultipartUpload", "Status");
		assertThat(rules).as("one expiration for current objects, reports included")
			.filteredOn(rule -> rule.containsKey("ExpirationInDays") || rule.containsKey("ExpirationDate"))
			.hasSize(1);
	}

	/**
	 * The upload queue, its DLQ and the records DLQ: SSE-SQS (no KMS key, so neither S3
	 * nor the loader needs a key grant), each with its own TLS-only policy.
	 */
	@Test
	void everyQueueIsEncryptedAndRefusesNonTlsRequests() {
		template.resourceCountIs("AWS::SQS::Queue", 3);
		template.allResourcesProperties("AWS::SQS::Queue",
				Match.objectLike(Map.of("SqsManagedSseEnabled", true, "KmsMasterKeyId", Match.absent())));
		template.resourceCountIs("AWS::SQS::QueuePolicy", 3);
		Map<String, Map<String, Object>> queues = resources.ofType("AWS::SQS::Queue");
		List<Object> policedQueues = resources.ofType("AWS::SQS::QueuePolicy")
			.values()
			.stream()
			.flatMap(policy -> TemplateResources.list(TemplateResources.properties(policy).get("Queues")).stream())
			.toList();
		assertThat(policedQueues).as("one policy per queue")
			.containsExactlyInAnyOrderElementsOf(queues.keySet().stream().map(id -> Map.of("Ref", id)).toList());
		template
			.allResourcesProperties("AWS::SQS::QueuePolicy",
					Match
						.objectLike(
								Map.of("PolicyDocument",
										Map.of("Statement",
												Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
														"Action", "sqs:*", "Condition",
														Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
	}

	@Test
	void uploadQueueRedrivesToItsDeadLetterQueueAfterMaxReceives() {
		String dlqId = resources.single("AWS::SQS::Queue", "QueueName", NAMES.uploadEventsDlq()).getKey();
		template.hasResourceProperties("AWS::SQS::Queue",
				Map.of("QueueName", NAMES.uploadEventsQueue(), "RedrivePolicy",
						Map.of("deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(dlqId, "Arn")), "maxReceiveCount",
								NAMES.uploadEventsMaxReceives()),
						"VisibilityTimeout", NAMES.uploadEventsVisibilityTimeoutSeconds(),
						"ReceiveMessageWaitTimeSeconds", 20, "MaximumMessageSize", Match.anyValue()));
		Map<String, Object> queue = TemplateResources
			.properties(resources.single("AWS::SQS::Queue", "QueueName", NAMES.uploadEventsQueue()).getValue());
		assertThat((Integer) queue.get("MaximumMessageSize")).as("message size").isGreaterThanOrEqualTo(64 * 1024);
	}

	@Test
	void deadLetterQueueKeepsMessagesTwoWeeksAndAcceptsOnlyTheUploadQueue() {
		Map<String, Object> dlq = TemplateResources
			.properties(resources.single("AWS::SQS::Queue", "QueueName", NAMES.uploadEventsDlq()).getValue());
		assertThat(dlq.get("MessageRetentionPeriod")).isEqualTo(NAMES.uploadEventsDlqRetentionDays() * 86_400);
		assertThat(dlq).doesNotContainKey("RedrivePolicy");
		Map<String, Object> allow = TemplateResources.map(dlq.get("RedriveAllowPolicy"));
		assertThat(allow.get("redrivePermission")).isEqualTo("byQueue");
		assertThat(TemplateResources.list(allow.get("sourceQueueArns")).stream().map(CfnExpressions::render))
			.containsExactly("arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:" + NAMES.uploadEventsQueue());
	}

	/**
	 * The loader's dead-letter queue keeps what it receives for the shared retention, and
	 * stands outside any redrive wiring: no queue moves messages into it, and it moves
	 * none anywhere.
	 */
	@Test
	void recordsDeadLetterQueueKeepsMessagesForTheSharedRetentionOutsideAnyRedrive() {
		Map.Entry<String, Map<String, Object>> recordsDlq = resources.single("AWS::SQS::Queue", "QueueName",
				NAMES.recordsDlq());
		Map<String, Object> properties = TemplateResources.properties(recordsDlq.getValue());
		assertThat(properties.get("MessageRetentionPeriod")).isEqualTo(NAMES.recordsDlqRetentionDays() * 86_400);
		assertThat(properties).doesNotContainKeys("RedrivePolicy", "RedriveAllowPolicy", "FifoQueue");
		assertThat(resources.ofType("AWS::SQS::Queue").values()).map(TemplateResources::properties)
			.filteredOn(queue -> queue.containsKey("RedrivePolicy"))
			.allSatisfy(
					queue -> assertThat(TemplateResources.map(queue.get("RedrivePolicy")).get("deadLetterTargetArn"))
						.isNotEqualTo(Map.of("Fn::GetAtt", List.of(recordsDlq.getKey(), "Arn"))));
		// Deleted with the stack like the other queues (infra/README.md): drain it
		// before deleting the data stack.
		template.hasResource("AWS::SQS::Queue",
				Map.of("Properties", Match.objectLike(Map.of("QueueName", NAMES.recordsDlq())), "DeletionPolicy",
						"Delete", "UpdateReplacePolicy", "Delete"));
	}

	@Test
	void streamsAreEncryptedWithTheAwsManagedKeyAndKeepRecordsForTheSharedRetention() {
		template.resourceCountIs("AWS::Kinesis::Stream", 2);
		template.allResourcesProperties("AWS::Kinesis::Stream",
				Match.objectLike(
						Map.of("StreamEncryption", Map.of("EncryptionType", "KMS", "KeyId", "alias/aws/kinesis"),
								"RetentionPeriodHours", NAMES.streamRetentionHours())));
	}

	@Test
	void streamsAreProvisionedByDefaultAndOnDemandWhenAsked() {
		template.hasResourceProperties("AWS::Kinesis::Stream", Map.of("Name", NAMES.recordsStream(),
				"StreamModeDetails", Map.of("StreamMode", "PROVISIONED"), "ShardCount", NAMES.recordsStreamShards()));
		template.hasResourceProperties("AWS::Kinesis::Stream", Map.of("Name", NAMES.changesStream(),
				"StreamModeDetails", Map.of("StreamMode", "PROVISIONED"), "ShardCount", NAMES.changesStreamShards()));

		Template onDemand = SynthesizedApp.of(Variant.EXISTING_CLUSTER).dataTemplate();
		onDemand.allResourcesProperties("AWS::Kinesis::Stream", Match
			.objectLike(Map.of("StreamModeDetails", Map.of("StreamMode", "ON_DEMAND"), "ShardCount", Match.absent())));
	}

	@Test
	void everyTableIsOnDemandAndEncrypted() {
		template.resourceCountIs("AWS::DynamoDB::Table", 4 + 2 * 3);
		template.allResourcesProperties("AWS::DynamoDB::Table", Match
			.objectLike(Map.of("BillingMode", "PAY_PER_REQUEST", "SSESpecification", Map.of("SSEEnabled", true))));
	}

	/**
	 * Every table holding state is recoverable to a point in time: the business tables
	 * and the KCL lease tables (the consumer groups' checkpoints). Only KCL's coordinator
	 * state and worker metrics tables are not: KCL rewrites their items continually.
	 */
	@Test
	void everyTableButKclsCoordinationTablesIsRecoverableToAPointInTime() {
		List<String> withoutRecovery = List.of(NAMES.loaderCoordinatorStateTable(), NAMES.loaderWorkerMetricsTable(),
				NAMES.stockAlertCoordinatorStateTable(), NAMES.stockAlertWorkerMetricsTable());
		for (Map<String, Object> table : resources.ofType("AWS::DynamoDB::Table").values()) {
			Map<String, Object> properties = TemplateResources.properties(table);
			if (withoutRecovery.contains(properties.get("TableName"))) {
				assertThat(properties).doesNotContainKey("PointInTimeRecoverySpecification");
			}
			else {
				assertThat(properties).as(properties.get("TableName").toString())
					.containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true));
			}
		}
	}

	@Test
	void businessTablesAreRetainedAndProtectedFromDeletion() {
		for (String table : List.of(NAMES.inventoryTable(), NAMES.alertLogTable(), NAMES.thresholdsTable(),
				NAMES.uploadsTable())) {
			template.hasResource("AWS::DynamoDB::Table", Map.of("DeletionPolicy", "Retain", "Properties",
					Match.objectLike(Map.of("TableName", table, "DeletionProtectionEnabled", true))));
		}
	}

	@Test
	void noStockTopicIsEncryptedAndAcceptsOnlyTlsPublishes() {
		template.hasResourceProperties("AWS::SNS::Topic",
				Map.of("TopicName", NAMES.noStockTopic(), "KmsMasterKeyId", "alias/aws/sns"));
		template.hasResourceProperties("AWS::SNS::TopicPolicy",
				Map.of("PolicyDocument", Map.of("Statement", List.of(Match.objectLike(Map.of("Effect", "Deny", "Action",
						"sns:Publish", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))));
	}

	/**
	 * Head office's subscriptions receive every alert: no filter policy. The per-store
	 * ones are in {@link StoreAlertSubscriptionTests}.
	 */
	@Test
	void alertSubscriptionsComeFromContextOnly() {
		template.resourceCountIs("AWS::SNS::Subscription", 0);

		Template subscribed = SynthesizedApp.of(Variant.EXISTING_CLUSTER).dataTemplate();
		// Head office's 3, the stores' 4, the ops topic's 2 (OperationsAlarmsTests).
		subscribed.resourceCountIs("AWS::SNS::Subscription", 3 + 4 + 2);
		for (String email : List.of("ops@example.com", "buyer@example.com")) {
			subscribed.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", email,
					"TopicArn", Match.anyValue(), "FilterPolicy", Match.absent()));
		}
		subscribed.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "sms", "Endpoint",
				"+447700900123", "TopicArn", Match.anyValue(), "FilterPolicy", Match.absent()));
	}

	@Test
	void userPoolIsInviteOnlyWithStrongPasswordsAndAuthenticatorAppMfa() {
		template.hasResource("AWS::Cognito::UserPool", Map
			.of("DeletionPolicy", "Retain", "Properties", Match.objectLike(Map.of("UserPoolName", NAMES.userPool(),
					"AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", true), "Policies",
					Map.of("PasswordPolicy", Map.of("MinimumLength", 12, "RequireLowercase", true, "RequireUppercase",
							true, "RequireNumbers", true, "RequireSymbols", true, "TemporaryPasswordValidityDays", 3)),
					"MfaConfiguration", "OPTIONAL", "EnabledMfas", List.of("SOFTWARE_TOKEN_MFA"), "DeletionProtection",
					"ACTIVE",
					// No SMS role: nothing in this pool may send SMS.
					"SmsConfiguration", Match.absent()))));
		// The data stack's one role is the store uploaders' (StoreUploaderRoleTests).
		template.resourceCountIs("AWS::IAM::Role", 1);
		Map<String, Object> uploaderRoleArn = TemplateResources
			.map(TemplateResources.map(resources.outputs().get(OutputKeys.STORE_UPLOADER_ROLE_ARN)).get("Value"));
		assertThat(resources.ofType("AWS::IAM::Role"))
			.containsOnlyKeys(TemplateResources.list(uploaderRoleArn.get("Fn::GetAtt")).get(0).toString());

		SynthesizedApp.of(Variant.EXISTING_CLUSTER)
			.dataTemplate()
			.hasResourceProperties("AWS::Cognito::UserPool", Match.objectLike(Map.of("MfaConfiguration", "ON")));
	}

	@Test
	void dashboardClientHasNoSecretAndOnlyPasswordAndRefreshFlows() {
		template.resourceCountIs("AWS::Cognito::UserPoolClient", 1);
		template.hasResourceProperties("AWS::Cognito::UserPoolClient",
				Match.objectLike(Map.of("ClientName", NAMES.userPoolClient(), "GenerateSecret", false,
						"ExplicitAuthFlows", List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
						"AllowedOAuthFlowsUserPoolClient", false, "PreventUserExistenceErrors", "ENABLED",
						"EnableTokenRevocation", true)));
	}

	/**
	 * Store managers see the stores in {@code custom:stores}: a mutable string an
	 * administrator sets, up to 2048 characters.
	 */
	@Test
	void userPoolHasTheStoresAttribute() {
		template.hasResourceProperties("AWS::Cognito::UserPool",
				Match.objectLike(Map.of("Schema", Match.arrayWith(List.of(Map.of("Name", "stores", "AttributeDataType",
						"String", "Mutable", true, "StringAttributeConstraints", Map.of("MaxLength", "2048")))))));
	}

	/**
	 * The client reads {@code custom:stores} (ID token, GetUser) but may not write it, so
	 * a user cannot give themselves stores with UpdateUserAttributes; without explicit
	 * lists a client may write every attribute. Email stays writable: Cognito requires a
	 * pool's required attributes to be writable by its clients.
	 */
	@Test
	void dashboardClientReadsTheStoresButCannotWriteThem() {
		template.hasResourceProperties("AWS::Cognito::UserPoolClient", Match.objectLike(Map.of("ReadAttributes",
				List.of("custom:stores", "email", "email_verified"), "WriteAttributes", List.of("email"))));
	}

	/**
	 * Access and ID tokens live 60 minutes, a refresh token 12 hours (a working day's
	 * session); revocation on, so sign-out ends the refresh token and what it issued.
	 */
	@Test
	void dashboardTokensLastAnHourAndSessionsTwelveHours() {
		template.hasResourceProperties("AWS::Cognito::UserPoolClient",
				Match.objectLike(Map.of("AccessTokenValidity", 60, "IdTokenValidity", 60, "RefreshTokenValidity",
						12 * 60, "TokenValidityUnits",
						Map.of("AccessToken", "minutes", "IdToken", "minutes", "RefreshToken", "minutes"),
						"EnableTokenRevocation", true)));
	}

	@Test
	void userPoolHasTheHeadOfficeAndStoreManagerGroups() {
		template.resourceCountIs("AWS::Cognito::UserPoolGroup", 2);
		template.hasResourceProperties("AWS::Cognito::UserPoolGroup",
				Map.of("GroupName", NAMES.headOfficeGroup(), "Precedence", 0, "UserPoolId", Match.anyValue()));
		template.hasResourceProperties("AWS::Cognito::UserPoolGroup",
				Map.of("GroupName", NAMES.storeManagersGroup(), "Precedence", 10, "UserPoolId", Match.anyValue()));
	}

}
