package com.retail.inventory.infra;

import static com.retail.inventory.infra.TemplateResources.list;
import static com.retail.inventory.infra.TemplateResources.map;
import static com.retail.inventory.infra.TemplateResources.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What runs locally matches what is deployed: every resource the synthesized data
 * template declares is created by the local runner's provisioning (LocalProvisioner, on
 * the real emulators) with the same name, key schema and settings. The template is the
 * reference; each check names the template property it follows.
 *
 * <p>
 * Tables are compared with their global secondary indexes (name, keys, projection): the
 * uploads table's {@code ByDay} and the KCL lease tables' index by owner.
 *
 * <p>
 * Known, intended differences: the bucket name gets a uniqueness suffix in AWS; the
 * Inventory table's Kinesis destination is replaced locally by its DynamoDB Stream (which
 * the local change-stream bridge reads); encryption and access policies have no local
 * equivalent; the operations topic, its key and the CloudWatch alarms exist only in AWS
 * (locally nothing watches the emulators).
 */
@ExtendWith(LocalAwsExtension.class)
class LocalProvisioningParityIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final TemplateResources template = new TemplateResources(
			SynthesizedApp.of(SynthesizedApp.Variant.DEFAULTS).dataJson());

	@Test
	void everyTableHasTheDeclaredKeysIndexesBillingAndTimeToLive(LocalAwsClients aws) {
		Map<String, Map<String, Object>> tables = template.ofType("AWS::DynamoDB::Table");
		// The four business tables and each consumer group's three KCL tables (KCL
		// creates none of them: the services' roles may not, so they must exist locally
		// as
		// in AWS, lease table index included).
		assertThat(tables).hasSize(4 + 2 * 3);
		for (Map<String, Object> resource : tables.values()) {
			Map<String, Object> declared = properties(resource);
			String name = (String) declared.get("TableName");
			TableDescription local = aws.dynamoDb().describeTable(b -> b.tableName(name)).table();

			assertThat(keySchema(local)).as(name + " KeySchema").isEqualTo(declaredKeySchema(declared));
			assertThat(local.attributeDefinitions()
				.stream()
				.collect(Collectors.toMap(a -> a.attributeName(), a -> a.attributeTypeAsString())))
				.as(name + " AttributeDefinitions")
				.isEqualTo(list(declared.get("AttributeDefinitions")).stream()
					.map(TemplateResources::map)
					.collect(Collectors.toMap(a -> a.get("AttributeName"), a -> a.get("AttributeType"))));
			assertThat(local.billingModeSummary().billingModeAsString()).as(name + " BillingMode")
				.isEqualTo(declared.get("BillingMode"));
			assertThat(localIndexes(local)).as(name + " GlobalSecondaryIndexes").isEqualTo(declaredIndexes(declared));

			var ttl = aws.dynamoDb().describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
			if (declared.containsKey("TimeToLiveSpecification")) {
				assertThat(ttl.timeToLiveStatus()).as(name + " TTL").isEqualTo(TimeToLiveStatus.ENABLED);
				assertThat(ttl.attributeName()).as(name + " TTL attribute")
					.isEqualTo(map(declared.get("TimeToLiveSpecification")).get("AttributeName"));
			}
			else {
				assertThat(ttl.timeToLiveStatus()).as(name + " TTL").isNotEqualTo(TimeToLiveStatus.ENABLED);
			}
			// AWS streams the table's changes to Kinesis; locally the DynamoDB Stream
			// feeds the bridge instead.
			boolean streamsChanges = declared.containsKey("KinesisStreamSpecification");
			assertThat(local.streamSpecification() != null && local.streamSpecification().streamEnabled())
				.as(name + " changes leave the table")
				.isEqualTo(streamsChanges);
		}
	}

	@Test
	void everyStreamHasTheDeclaredShardsAndRetention(LocalAwsClients aws) {
		Map<String, Map<String, Object>> streams = template.ofType("AWS::Kinesis::Stream");
		assertThat(streams).hasSize(2);
		for (Map<String, Object> resource : streams.values()) {
			Map<String, Object> declared = properties(resource);
			String name = (String) declared.get("Name");
			var local = aws.kinesis().describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary();
			assertThat(local.openShardCount()).as(name + " ShardCount").isEqualTo(declared.get("ShardCount"));
			assertThat(local.retentionPeriodHours()).as(name + " RetentionPeriodHours")
				.isEqualTo(declared.get("RetentionPeriodHours"));
		}
	}

	/**
	 * The upload queue, its dead-letter queue and the loader's records dead-letter queue.
	 */
	@Test
	void everyQueueHasTheDeclaredSettingsAndRedrive(LocalAwsClients aws) throws Exception {
		Map<String, Map<String, Object>> queues = template.ofType("AWS::SQS::Queue");
		assertThat(queues).hasSize(3);
		Map<String, String> namesById = new HashMap<>();
		queues.forEach((id, resource) -> namesById.put(id, (String) properties(resource).get("QueueName")));
		for (Map<String, Object> resource : queues.values()) {
			Map<String, Object> declared = properties(resource);
			String name = (String) declared.get("QueueName");
			String url = aws.sqs().getQueueUrl(b -> b.queueName(name)).queueUrl();
			Map<QueueAttributeName, String> local = aws.sqs()
				.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
				.attributes();
			for (var setting : Map
				.of("VisibilityTimeout", QueueAttributeName.VISIBILITY_TIMEOUT, "MessageRetentionPeriod",
						QueueAttributeName.MESSAGE_RETENTION_PERIOD, "MaximumMessageSize",
						QueueAttributeName.MAXIMUM_MESSAGE_SIZE)
				.entrySet()) {
				if (declared.containsKey(setting.getKey())) {
					assertThat(local.get(setting.getValue())).as(name + " " + setting.getKey())
						.isEqualTo(String.valueOf(declared.get(setting.getKey())));
				}
			}
			if (declared.containsKey("RedrivePolicy")) {
				Map<String, Object> redrive = map(declared.get("RedrivePolicy"));
				String dlqId = list(map(redrive.get("deadLetterTargetArn")).get("Fn::GetAtt")).get(0).toString();
				JsonNode localRedrive = JSON.readTree(local.get(QueueAttributeName.REDRIVE_POLICY));
				assertThat(localRedrive.get("maxReceiveCount").asInt()).as(name + " maxReceiveCount")
					.isEqualTo(redrive.get("maxReceiveCount"));
				assertThat(localRedrive.get("deadLetterTargetArn").asText()).as(name + " dead-letter queue")
					.endsWith(":" + namesById.get(dlqId));
			}
			else {
				assertThat(local).as(name + " redrives nowhere, like the template")
					.doesNotContainKey(QueueAttributeName.REDRIVE_POLICY);
			}
		}
	}

	@Test
	void theBucketIsVersionedAndNotifiesTheUploadQueueOfEveryNewObject(LocalAwsClients aws) {
		Map<String, Object> declared = properties(template.ofType("AWS::S3::Bucket").values().iterator().next());
		String localName = aws.s3().listBuckets().buckets().get(0).name();
		// In AWS the name carries a uniqueness suffix (-<account>-<region>) after the
		// shared base name.
		assertThat(CfnExpressions.render(declared.get("BucketName"))).startsWith(localName);
		assertThat(aws.s3().getBucketVersioning(b -> b.bucket(localName)).status()).isEqualTo(
				BucketVersioningStatus.fromValue((String) map(declared.get("VersioningConfiguration")).get("Status")));

		Map<String, Object> declaredQueue = map(
				list(map(declared.get("NotificationConfiguration")).get("QueueConfigurations")).get(0));
		var local = aws.s3().getBucketNotificationConfiguration(b -> b.bucket(localName)).queueConfigurations();
		assertThat(local).hasSize(1);
		assertThat(local.get(0).eventsAsStrings()).containsExactly((String) declaredQueue.get("Event"));
		assertThat(local.get(0).filter() == null || local.get(0).filter().key() == null
				|| local.get(0).filter().key().filterRules().isEmpty())
			.as("no key filter, like the template")
			.isEqualTo(!declaredQueue.containsKey("Filter"));
		String queueId = list(map(declaredQueue.get("Queue")).get("Fn::GetAtt")).get(0).toString();
		assertThat(local.get(0).queueArn())
			.endsWith(":" + properties(template.ofType("AWS::SQS::Queue").get(queueId)).get("QueueName"));
	}

	@Test
	void theTopicPoolClientAndGroupsHaveTheDeclaredNamesAndSettings(LocalAwsClients aws) {
		String topic = (String) properties(
				template.single("AWS::SNS::Topic", "TopicName", InventoryResources.load().noStockTopic()).getValue())
			.get("TopicName");
		assertThat(aws.sns().listTopics().topics()).anyMatch(t -> t.topicArn().endsWith(":" + topic));

		Map<String, Object> pool = properties(template.ofType("AWS::Cognito::UserPool").values().iterator().next());
		UserPoolDescriptionType localPool = aws.cognito()
			.listUserPools(b -> b.maxResults(10))
			.userPools()
			.stream()
			.filter(p -> p.name().equals(pool.get("UserPoolName")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no local user pool " + pool.get("UserPoolName")));
		var localPolicy = aws.cognito()
			.describeUserPool(b -> b.userPoolId(localPool.id()))
			.userPool()
			.policies()
			.passwordPolicy();
		Map<String, Object> declaredPolicy = map(map(pool.get("Policies")).get("PasswordPolicy"));
		assertThat(localPolicy.minimumLength()).isEqualTo(declaredPolicy.get("MinimumLength"));
		assertThat(List.of(localPolicy.requireLowercase(), localPolicy.requireUppercase(), localPolicy.requireNumbers(),
				localPolicy.requireSymbols()))
			.isEqualTo(List.of(declaredPolicy.get("RequireLowercase"), declaredPolicy.get("RequireUppercase"),
					declaredPolicy.get("RequireNumbers"), declaredPolicy.get("RequireSymbols")));

		Map<String, Object> client = properties(
				template.ofType("AWS::Cognito::UserPoolClient").values().iterator().next());
		var localClientId = aws.cognito()
			.listUserPoolClients(b -> b.userPoolId(localPool.id()))
			.userPoolClients()
			.stream()
			.filter(c -> c.clientName().equals(client.get("ClientName")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no local client " + client.get("ClientName")))
			.clientId();
		var localClient = aws.cognito()
			.describeUserPoolClient(b -> b.userPoolId(localPool.id()).clientId(localClientId))
			.userPoolClient();
		assertThat(new HashSet<>(localClient.explicitAuthFlowsAsStrings()))
			.isEqualTo(new HashSet<>(list(client.get("ExplicitAuthFlows"))));
		assertThat(localClient.clientSecret()).as("no client secret, like the template").isNull();
		assertThat(new HashSet<>(localClient.readAttributes())).as("ReadAttributes")
			.isEqualTo(new HashSet<>(list(client.get("ReadAttributes"))));
		assertThat(new HashSet<>(localClient.writeAttributes())).as("WriteAttributes")
			.isEqualTo(new HashSet<>(list(client.get("WriteAttributes"))));
		assertThat(localClient.enableTokenRevocation()).as("EnableTokenRevocation")
			.isEqualTo(client.get("EnableTokenRevocation"));
		Map<String, Object> units = map(client.get("TokenValidityUnits"));
		assertThat(List.of(minutes(localClient.accessTokenValidity(), localClient.tokenValidityUnits().accessToken()),
				minutes(localClient.idTokenValidity(), localClient.tokenValidityUnits().idToken()),
				minutes(localClient.refreshTokenValidity(), localClient.tokenValidityUnits().refreshToken())))
			.as("token validity in minutes")
			.isEqualTo(List.of(minutes(client.get("AccessTokenValidity"), units.get("AccessToken")),
					minutes(client.get("IdTokenValidity"), units.get("IdToken")),
					minutes(client.get("RefreshTokenValidity"), units.get("RefreshToken"))));

		// The custom attributes (the standard ones differ: moto lists all of them).
		var localSchema = aws.cognito()
			.describeUserPool(b -> b.userPoolId(localPool.id()))
			.userPool()
			.schemaAttributes();
		for (Object item : list(pool.get("Schema"))) {
			Map<String, Object> declared = map(item);
			if (!declared.containsKey("AttributeDataType")) {
				continue;
			}
			var local = localSchema.stream()
				.filter(a -> a.name().equals("custom:" + declared.get("Name")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no local custom:" + declared.get("Name")));
			assertThat(local.attributeDataTypeAsString()).isEqualTo(declared.get("AttributeDataType"));
			assertThat(local.mutable()).isEqualTo(declared.get("Mutable"));
			assertThat(local.stringAttributeConstraints().maxLength())
				.isEqualTo(map(declared.get("StringAttributeConstraints")).get("MaxLength"));
		}
		var localMfa = aws.cognito().getUserPoolMfaConfig(b -> b.userPoolId(localPool.id()));
		assertThat(localMfa.mfaConfigurationAsString()).as("MfaConfiguration").isEqualTo(pool.get("MfaConfiguration"));
		assertThat(list(pool.get("EnabledMfas"))).containsExactly("SOFTWARE_TOKEN_MFA");
		assertThat(localMfa.softwareTokenMfaConfiguration().enabled()).isTrue();
		assertThat(localMfa.smsMfaConfiguration()).isNull();

		Set<Map<Object, Object>> declaredGroups = template.ofType("AWS::Cognito::UserPoolGroup")
			.values()
			.stream()
			.map(TemplateResources::properties)
			.map(g -> Map.<Object, Object>of("name", g.get("GroupName"), "precedence", g.get("Precedence")))
			.collect(Collectors.toSet());
		Set<Map<Object, Object>> localGroups = aws.cognito()
			.listGroups(b -> b.userPoolId(localPool.id()))
			.groups()
			.stream()
			.map(g -> Map.<Object, Object>of("name", g.groupName(), "precedence", g.precedence()))
			.collect(Collectors.toSet());
		assertThat(localGroups).isEqualTo(declaredGroups);
	}

	/** A token validity (number and unit, as the API or the template gives them). */
	private static long minutes(Object amount, Object unit) {
		long value = ((Number) amount).longValue();
		return switch (unit.toString().toLowerCase()) {
			case "minutes" -> value;
			case "hours" -> value * 60;
			case "days" -> value * 60 * 24;
			default -> throw new IllegalArgumentException("unit " + unit);
		};
	}

	/** Index name to its key schema (KEY_TYPE=attribute) and projection type. */
	private static Map<String, Map<String, String>> localIndexes(TableDescription table) {
		if (!table.hasGlobalSecondaryIndexes()) {
			return Map.of();
		}
		return table.globalSecondaryIndexes().stream().collect(Collectors.toMap(index -> index.indexName(), index -> {
			Map<String, String> description = new HashMap<>();
			index.keySchema().forEach(k -> description.put(k.keyTypeAsString(), k.attributeName()));
			description.put("Projection", index.projection().projectionTypeAsString());
			return description;
		}));
	}

	private static Map<String, Map<String, String>> declaredIndexes(Map<String, Object> table) {
		if (!table.containsKey("GlobalSecondaryIndexes")) {
			return Map.of();
		}
		return list(table.get("GlobalSecondaryIndexes")).stream()
			.map(TemplateResources::map)
			.collect(Collectors.toMap(index -> (String) index.get("IndexName"), index -> {
				Map<String, String> description = new HashMap<>(declaredKeySchema(index));
				description.put("Projection", (String) map(index.get("Projection")).get("ProjectionType"));
				return description;
			}));
	}

	private static Map<String, String> keySchema(TableDescription table) {
		return table.keySchema().stream().collect(Collectors.toMap(k -> k.keyTypeAsString(), k -> k.attributeName()));
	}

	private static Map<String, String> declaredKeySchema(Map<String, Object> table) {
		return list(table.get("KeySchema")).stream()
			.map(TemplateResources::map)
			.collect(Collectors.toMap(k -> (String) k.get("KeyType"), k -> (String) k.get("AttributeName")));
	}

}
