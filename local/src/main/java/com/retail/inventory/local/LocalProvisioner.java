package com.retail.inventory.local;

import com.retail.inventory.contracts.AlertLogTable;
import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.LeaseTableAttributes;
import com.retail.inventory.contracts.ThresholdsTable;
import com.retail.inventory.contracts.UploadsTable;
import com.retail.inventory.contracts.UserPoolAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates every AWS resource of the platform on the local emulators, with the names from
 * {@link InventoryResources} (the same source the services and the CDK app use). In AWS,
 * {@code infra/} creates these; locally this class does, on a fresh emulator.
 */
public final class LocalProvisioner {

	private static final Logger log = LoggerFactory.getLogger(LocalProvisioner.class);

	/**
	 * Local-only queue subscribed to the alert topic, standing in for the email/SMS
	 * inbox.
	 */
	public static final String ALERTS_OBSERVER_QUEUE = "inventory-alerts-local";

	/**
	 * As infra declares for the upload queue (emulator defaults differ); kept equal by
	 * the infra module's LocalProvisioningParityIntegrationTests.
	 */
	private static final int UPLOAD_EVENT_MAX_BYTES = 262_144;

	private static final int STORES_MAX_LENGTH = 2048;

	/** What the dashboard's client may read: the email and the stores. */
	public static final List<String> READ_ATTRIBUTES = List.of("email", "email_verified",
			UserPoolAttributes.STORES_CLAIM);

	/**
	 * What the dashboard's client may write (a user with UpdateUserAttributes): the email
	 * only, never the stores.
	 */
	public static final List<String> WRITE_ATTRIBUTES = List.of("email");

	/** What Kinesis (and kinesalite) gives a new stream. */
	private static final int DEFAULT_STREAM_RETENTION_HOURS = 24;

	private final LocalAwsClients aws;

	private final InventoryResources names;

	public LocalProvisioner(LocalAwsClients aws, InventoryResources names) {
		this.aws = aws;
		this.names = names;
	}

	public LocalResources provision() {
		String dlqUrl = createQueue(names.uploadEventsDlq(), Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD,
				String.valueOf(Duration.ofDays(names.uploadEventsDlqRetentionDays()).toSeconds())));
		String dlqArn = queueArn(dlqUrl);
		String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
				+ names.uploadEventsMaxReceives() + "\"}";
		String queueUrl = createQueue(names.uploadEventsQueue(),
				Map.of(QueueAttributeName.REDRIVE_POLICY, redrive, QueueAttributeName.VISIBILITY_TIMEOUT,
						String.valueOf(names.uploadEventsVisibilityTimeoutSeconds()),
						QueueAttributeName.MAXIMUM_MESSAGE_SIZE, String.valueOf(UPLOAD_EVENT_MAX_BYTES)));
		createUploadsBucket(queueArn(queueUrl));

		createStream(names.recordsStream(), names.recordsStreamShards());
		String recordsDlqUrl = createQueue(names.recordsDlq(), Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD,
				String.valueOf(Duration.ofDays(names.recordsDlqRetentionDays()).toSeconds())));
		createStream(names.changesStream(), names.changesStreamShards());

		String tableStreamArn = createInventoryTable();
		createAlertLogTable();
		createUploadsTable();
		createThresholdsTable();
		// The consumer groups' Kinesis Client Library tables, pre-created (as infra/
		// does)
		// so KCL creates nothing at runtime with settings of its own.
		createKclTables(names.loaderLeaseTable(), names.loaderCoordinatorStateTable(),
				names.loaderWorkerMetricsTable());
		createKclTables(names.stockAlertLeaseTable(), names.stockAlertCoordinatorStateTable(),
				names.stockAlertWorkerMetricsTable());

		String topicArn = aws.sns().createTopic(b -> b.name(names.noStockTopic())).topicArn();
		String observerUrl = createQueue(ALERTS_OBSERVER_QUEUE, Map.of());
		aws.sns().subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn(observerUrl)));

		String userPoolId = createUserPool();
		String clientId = createUserPoolClient(userPoolId);
		// Precedence as in AWS: head office wins where a user is in both groups.
		aws.cognito().createGroup(b -> b.userPoolId(userPoolId).groupName(names.headOfficeGroup()).precedence(0));
		aws.cognito().createGroup(b -> b.userPoolId(userPoolId).groupName(names.storeManagersGroup()).precedence(10));

		log.info("Provisioned local resources (bucket {}, table {}, user pool {})", names.uploadsBucket(),
				names.inventoryTable(), userPoolId);
		return new LocalResources(names.uploadsBucket(), queueUrl, dlqUrl, names.recordsStream(), names.changesStream(),
				names.inventoryTable(), tableStreamArn, names.alertLogTable(), topicArn, observerUrl, userPoolId,
				clientId, names.loaderLeaseTable(), names.stockAlertLeaseTable(), recordsDlqUrl);
	}

	/**
	 * Creates one of the platform's tables again, exactly as {@link #provision()} does:
	 * for tests that delete it to see a service notice, and put it back after.
	 * @param table the upload tracking, alert log or thresholds table's name
	 * @throws IllegalArgumentException for any other table (the inventory table's stream
	 * and the KCL tables are not re-created this way)
	 */
	public void recreateTable(String table) {
		if (table.equals(names.uploadsTable())) {
			createUploadsTable();
		}
		else if (table.equals(names.alertLogTable())) {
			createAlertLogTable();
		}
		else if (table.equals(names.thresholdsTable())) {
			createThresholdsTable();
		}
		else {
			throw new IllegalArgumentException("Not a table that can be re-created: " + table);
		}
	}

	/**
	 * The pool as infra declares it: invite only, the password policy, the store
	 * managers' {@code custom:stores} attribute, TOTP MFA optional (authenticator apps
	 * only, no SMS). The attribute is added after creation: moto keeps only the
	 * attributes given in CreateUserPool's Schema, dropping the standard ones (email) it
	 * would have otherwise.
	 */
	private String createUserPool() {
		String userPoolId = aws.cognito()
			.createUserPool(b -> b.poolName(names.userPool())
				.adminCreateUserConfig(c -> c.allowAdminCreateUserOnly(true))
				.policies(p -> p.passwordPolicy(pw -> pw.minimumLength(12)
					.requireLowercase(true)
					.requireUppercase(true)
					.requireNumbers(true)
					.requireSymbols(true))))
			.userPool()
			.id();
		aws.cognito()
			.addCustomAttributes(b -> b.userPoolId(userPoolId)
				.customAttributes(a -> a.name(UserPoolAttributes.STORES)
					.attributeDataType(AttributeDataType.STRING)
					.mutable(true)
					.stringAttributeConstraints(c -> c.minLength("0").maxLength(String.valueOf(STORES_MAX_LENGTH)))));
		aws.cognito()
			.setUserPoolMfaConfig(b -> b.userPoolId(userPoolId)
				.softwareTokenMfaConfiguration(t -> t.enabled(true))
				.mfaConfiguration(UserPoolMfaType.OPTIONAL));
		return userPoolId;
	}

	/**
	 * The dashboard's client: no secret, password and refresh flows; it reads
	 * {@code custom:stores} but may not write it (users must not give themselves stores).
	 * Token lifetimes as in AWS: access and ID tokens 60 minutes, refresh tokens 12
	 * hours.
	 */
	private String createUserPoolClient(String userPoolId) {
		return aws.cognito()
			.createUserPoolClient(b -> b.userPoolId(userPoolId)
				.clientName(names.userPoolClient())
				.generateSecret(false)
				.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
						ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
				.readAttributes(READ_ATTRIBUTES)
				.writeAttributes(WRITE_ATTRIBUTES)
				.enableTokenRevocation(true)
				.accessTokenValidity(60)
				.idTokenValidity(60)
				.refreshTokenValidity(12)
				.tokenValidityUnits(u -> u.accessToken(TimeUnitsType.MINUTES)
					.idToken(TimeUnitsType.MINUTES)
					.refreshToken(TimeUnitsType.HOURS)))
			.userPoolClient()
			.clientId();
	}

	private String createQueue(String name, Map<QueueAttributeName, String> attributes) {
		return aws.sqs().createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
	}

	private String queueArn(String queueUrl) {
		return aws.sqs()
			.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
			.attributes()
			.get(QueueAttributeName.QUEUE_ARN);
	}

	private void createUploadsBucket(String queueArn) {
		String bucket = names.uploadsBucket();
		aws.s3().createBucket(b -> b.bucket(bucket));
		aws.s3()
			.putBucketVersioning(
					b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
		aws.s3()
			.putBucketNotificationConfiguration(b -> b.bucket(bucket)
				.notificationConfiguration(n -> n.queueConfigurations(
						q -> q.id("inventory-uploads-to-sqs").queueArn(queueArn).events(Event.S3_OBJECT_CREATED))));
	}

	private void createStream(String name, int shards) {
		aws.kinesis().createStream(b -> b.streamName(name).shardCount(shards));
		for (int attempt = 0; attempt < 100; attempt++) {
			StreamStatus status = aws.kinesis()
				.describeStreamSummary(b -> b.streamName(name))
				.streamDescriptionSummary()
				.streamStatus();
			if (status == StreamStatus.ACTIVE) {
				if (names.streamRetentionHours() > DEFAULT_STREAM_RETENTION_HOURS) {
					aws.kinesis()
						.increaseStreamRetentionPeriod(
								b -> b.streamName(name).retentionPeriodHours(names.streamRetentionHours()));
				}
				return;
			}
			Emulators.sleep(Duration.ofMillis(100));
		}
		throw new IllegalStateException("Kinesis stream " + name + " did not become ACTIVE");
	}

	private String createInventoryTable() {
		return aws.dynamoDb()
			.createTable(b -> b.tableName(names.inventoryTable())
				.keySchema(key(InventoryTable.STORE, KeyType.HASH), key(InventoryTable.ITEM, KeyType.RANGE))
				.attributeDefinitions(stringAttribute(InventoryTable.STORE), stringAttribute(InventoryTable.ITEM))
				.billingMode(BillingMode.PAY_PER_REQUEST)
				// In AWS the table streams to Kinesis directly; locally
				// ChangeStreamBridge reads this stream.
				.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
			.tableDescription()
			.latestStreamArn();
	}

	/** Alerts sent: hash key AlertId, TTL on ExpiresAt. */
	private void createAlertLogTable() {
		createTable(names.alertLogTable(), AlertLogTable.ALERT_ID, AlertLogTable.EXPIRES_AT);
	}

	/** Low-stock thresholds: hash key Store, range key Item ("*" for all). */
	private void createThresholdsTable() {
		aws.dynamoDb()
			.createTable(b -> b.tableName(names.thresholdsTable())
				.keySchema(key(ThresholdsTable.STORE, KeyType.HASH), key(ThresholdsTable.ITEM, KeyType.RANGE))
				.attributeDefinitions(stringAttribute(ThresholdsTable.STORE), stringAttribute(ThresholdsTable.ITEM))
				.billingMode(BillingMode.PAY_PER_REQUEST));
	}

	/**
	 * Upload tracking, as infra declares it: hash key UploadId, the ByDay index (all
	 * attributes) and TTL on ExpiresAt (the services write it).
	 */
	private void createUploadsTable() {
		String name = names.uploadsTable();
		aws.dynamoDb()
			.createTable(b -> b.tableName(name)
				.keySchema(key(UploadsTable.UPLOAD_ID, KeyType.HASH))
				.attributeDefinitions(stringAttribute(UploadsTable.UPLOAD_ID),
						stringAttribute(UploadsTable.RECEIVED_DAY), stringAttribute(UploadsTable.RECEIVED_AT))
				.globalSecondaryIndexes(i -> i.indexName(UploadsTable.BY_DAY_INDEX)
					.keySchema(key(UploadsTable.RECEIVED_DAY, KeyType.HASH),
							key(UploadsTable.RECEIVED_AT, KeyType.RANGE))
					.projection(p -> p.projectionType(ProjectionType.ALL)))
				.billingMode(BillingMode.PAY_PER_REQUEST));
		enableTimeToLive(name, UploadsTable.EXPIRES_AT);
	}

	/**
	 * A consumer group's KCL tables with KCL 3's schema: the lease table with its owner
	 * index (keys only), the coordinator state and worker metrics tables.
	 */
	private void createKclTables(String leaseTable, String coordinatorStateTable, String workerMetricsTable) {
		aws.dynamoDb()
			.createTable(b -> b.tableName(leaseTable)
				.keySchema(key(LeaseTableAttributes.LEASE_KEY, KeyType.HASH))
				.attributeDefinitions(stringAttribute(LeaseTableAttributes.LEASE_KEY),
						stringAttribute(LeaseTableAttributes.LEASE_OWNER))
				.globalSecondaryIndexes(i -> i.indexName(LeaseTableAttributes.OWNER_INDEX)
					.keySchema(key(LeaseTableAttributes.LEASE_OWNER, KeyType.HASH),
							key(LeaseTableAttributes.LEASE_KEY, KeyType.RANGE))
					.projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
				.billingMode(BillingMode.PAY_PER_REQUEST));
		createTable(coordinatorStateTable, LeaseTableAttributes.COORDINATOR_STATE_KEY, null);
		createTable(workerMetricsTable, LeaseTableAttributes.WORKER_METRICS_KEY, null);
	}

	private void createTable(String name, String hashKey, String ttlAttribute) {
		aws.dynamoDb()
			.createTable(b -> b.tableName(name)
				.keySchema(key(hashKey, KeyType.HASH))
				.attributeDefinitions(stringAttribute(hashKey))
				.billingMode(BillingMode.PAY_PER_REQUEST));
		if (ttlAttribute != null) {
			enableTimeToLive(name, ttlAttribute);
		}
	}

	private void enableTimeToLive(String table, String attribute) {
		aws.dynamoDb()
			.updateTimeToLive(
					b -> b.tableName(table).timeToLiveSpecification(t -> t.enabled(true).attributeName(attribute)));
	}

	private static KeySchemaElement key(String name, KeyType type) {
		return KeySchemaElement.builder().attributeName(name).keyType(type).build();
	}

	private static AttributeDefinition stringAttribute(String name) {
		return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
	}

}
