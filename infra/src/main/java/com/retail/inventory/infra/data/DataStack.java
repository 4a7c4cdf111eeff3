package com.retail.inventory.infra.data;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.infra.DeploymentSettings;
import com.retail.inventory.infra.OutputKeys;
import com.retail.inventory.infra.UploadsBucketName;
import com.retail.inventory.infra.cluster.ResourceArns;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Every AWS resource that holds or moves the platform's data, named from
 * {@link InventoryResources}, and the role store uploaders assume to reach it. It does
 * not depend on the cluster stack: data outlives clusters.
 */
public final class DataStack extends Stack {

	private final UploadIngestion uploads;

	private final InventoryStreams streams;

	private final RecordsDeadLetterQueue recordsDeadLetters;

	private final InventoryTables tables;

	private final KclTables loaderKcl;

	private final KclTables stockAlertKcl;

	private final NoStockAlerts alerts;

	private final DashboardUserPool users;

	private final StoreUploaders storeUploaders;

	private final ChangeStreamReadAccess changeStreamReaders;

	private final OpsNotifications ops;

	private final OperationsAlarms operationsAlarms;

	public DataStack(Construct scope, String id, StackProps props, InventoryResources names,
			DeploymentSettings settings) {
		super(scope, id, props);
		String bucketName = UploadsBucketName.of(names, settings);
		this.uploads = new UploadIngestion(this, "Uploads", names, bucketName);
		this.streams = new InventoryStreams(this, "Streams", names, settings.streamCapacity());
		this.recordsDeadLetters = new RecordsDeadLetterQueue(this, "RecordsDeadLetters", names);
		this.tables = new InventoryTables(this, "Tables", names, streams.changes());
		// The consumer groups' Kinesis Client Library tables, one set per group.
		this.loaderKcl = new KclTables(this, "LoaderKcl", names.loaderLeaseTable(), names.loaderCoordinatorStateTable(),
				names.loaderWorkerMetricsTable());
		this.stockAlertKcl = new KclTables(this, "StockAlertKcl", names.stockAlertLeaseTable(),
				names.stockAlertCoordinatorStateTable(), names.stockAlertWorkerMetricsTable());
		this.alerts = new NoStockAlerts(this, "NoStock", names, settings.alertEmails(), settings.alertSmsNumbers(),
				settings.storeAlertSubscriptions());
		this.users = new DashboardUserPool(this, "Users", names, settings.mfa());
		// Here, not with the service roles: stores keep uploading whatever happens to the
		// cluster stack.
		this.storeUploaders = new StoreUploaders(this, "StoreUploaders", names,
				new ResourceArns(this, names, bucketName), settings.storeUploaderTrustedPrincipalArn());
		// For other teams' consumers of the change stream (docs/change-stream.md).
		this.changeStreamReaders = new ChangeStreamReadAccess(this, "ChangeStreamReadAccess", streams.changes());
		// Here, with the resources they watch: the alarms outlive a replaced cluster.
		this.ops = new OpsNotifications(this, "Ops", settings.opsAlarmEmails());
		this.operationsAlarms = new OperationsAlarms(this, "OperationsAlarms", names, ops.topic(), uploads,
				recordsDeadLetters, streams, alerts);
		declareOutputs(names);
	}

	/**
	 * The values the Helm chart needs, read back by the values command after deployment.
	 */
	private void declareOutputs(InventoryResources names) {
		Map<String, String> deployedNames = new LinkedHashMap<>();
		deployedNames.put("uploads-bucket", uploads.bucket().getBucketName());
		deployedNames.put("upload-events-queue", uploads.queue().getQueueName());
		deployedNames.put("upload-events-dlq", uploads.deadLetterQueue().getQueueName());
		deployedNames.put("records-stream", streams.records().getStreamName());
		deployedNames.put("records-dlq", recordsDeadLetters.queue().getQueueName());
		deployedNames.put("changes-stream", streams.changes().getStreamName());
		deployedNames.put("inventory-table", tables.inventory().getTableName());
		deployedNames.put("alert-log-table", tables.alertLog().getTableName());
		deployedNames.put("thresholds-table", tables.thresholds().getTableName());
		deployedNames.put("uploads-table", tables.uploads().getTableName());
		deployedNames.put("no-stock-topic", alerts.topic().getTopicName());
		deployedNames.put("loader-lease-table", loaderKcl.leases().getTableName());
		deployedNames.put("loader-coordinator-state-table", loaderKcl.coordinatorState().getTableName());
		deployedNames.put("loader-worker-metrics-table", loaderKcl.workerMetrics().getTableName());
		deployedNames.put("stock-alert-lease-table", stockAlertKcl.leases().getTableName());
		deployedNames.put("stock-alert-coordinator-state-table", stockAlertKcl.coordinatorState().getTableName());
		deployedNames.put("stock-alert-worker-metrics-table", stockAlertKcl.workerMetrics().getTableName());
		// CloudFormation cannot return a user pool's name; it is the name this stack gave
		// it.
		deployedNames.put("user-pool", names.userPool());
		deployedNames.put("user-pool-client", users.client().getUserPoolClientName());
		if (!deployedNames.keySet().equals(Set.copyOf(OutputKeys.RESOURCE_NAME_KEYS))) {
			throw new IllegalStateException(
					"Outputs and OutputKeys.RESOURCE_NAME_KEYS differ: " + deployedNames.keySet());
		}
		deployedNames
			.forEach((key, value) -> output(OutputKeys.forResource(key), value, "Name of " + key + " as deployed"));

		output(OutputKeys.REGION, Aws.REGION, "Region of the data stack");
		output(OutputKeys.NO_STOCK_TOPIC_ARN, alerts.topic().getTopicArn(), "ARN of the NoStock topic");
		output(OutputKeys.OPS_TOPIC_ARN, ops.topic().getTopicArn(),
				"ARN of the " + OpsNotifications.TOPIC_NAME + " topic the CloudWatch alarms notify");
		output(OutputKeys.USER_POOL_ID, users.userPool().getUserPoolId(), "Cognito user pool id");
		output(OutputKeys.USER_POOL_CLIENT_ID, users.client().getUserPoolClientId(), "Dashboard app client id");
		output(OutputKeys.STORE_UPLOADER_ROLE_ARN, storeUploaders.role().getRoleArn(),
				"Role store uploaders assume with session tag " + StoreUploaders.STORE_TAG + "=<store>");
		output(OutputKeys.CHANGE_STREAM_READ_POLICY_ARN, changeStreamReaders.policy().getManagedPolicyArn(),
				"Managed policy other teams attach to read the " + names.changesStream() + " stream");
	}

	private void output(String key, String value, String description) {
		CfnOutput.Builder.create(this, key).key(key).value(value).description(description).build();
	}

	public UploadIngestion uploads() {
		return uploads;
	}

	public InventoryStreams streams() {
		return streams;
	}

	public RecordsDeadLetterQueue recordsDeadLetters() {
		return recordsDeadLetters;
	}

	public InventoryTables tables() {
		return tables;
	}

	public NoStockAlerts alerts() {
		return alerts;
	}

	public DashboardUserPool users() {
		return users;
	}

	public StoreUploaders storeUploaders() {
		return storeUploaders;
	}

	public ChangeStreamReadAccess changeStreamReaders() {
		return changeStreamReaders;
	}

	public OpsNotifications ops() {
		return ops;
	}

	public OperationsAlarms operationsAlarms() {
		return operationsAlarms;
	}

}
