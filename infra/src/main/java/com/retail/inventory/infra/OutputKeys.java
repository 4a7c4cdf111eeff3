package com.retail.inventory.infra;

import java.util.List;

/**
 * Names of the CloudFormation outputs the stacks declare and the Helm values command
 * reads: one class, so the writer and the reader of an output cannot disagree on its key.
 */
public final class OutputKeys {

	public static final String REGION = "Region";

	public static final String USER_POOL_ID = "UserPoolId";

	public static final String USER_POOL_CLIENT_ID = "UserPoolClientId";

	/**
	 * The ARN of the NoStock topic: publishers need it (resolving a name would call
	 * sns:CreateTopic).
	 */
	public static final String NO_STOCK_TOPIC_ARN = "NoStockTopicArn";

	/**
	 * The ARN of the role store uploaders assume (with session tag {@code store}); for
	 * people, not for the Helm values.
	 */
	public static final String STORE_UPLOADER_ROLE_ARN = "StoreUploaderRoleArn";

	/**
	 * The ARN of the managed policy that lets other teams' consumers read the change
	 * stream (docs/change-stream.md); for people, not for the Helm values.
	 */
	public static final String CHANGE_STREAM_READ_POLICY_ARN = "ChangeStreamReadPolicyArn";

	/**
	 * The ARN of the operations topic the CloudWatch alarms notify; for people (subscribe
	 * a pager or chat integration to it), not for the Helm values.
	 */
	public static final String OPS_TOPIC_ARN = "OpsTopicArn";

	public static final String CLUSTER_NAME = "ClusterName";

	public static final String NAMESPACE = "Namespace";

	/**
	 * The keys of {@code inventory-resources.properties} that name a deployed resource
	 * (the other keys are settings). Each gets an output holding the name as deployed,
	 * which can differ from the file's value only for the uploads bucket (prefix/suffix
	 * for global uniqueness).
	 */
	public static final List<String> RESOURCE_NAME_KEYS = List.of("uploads-bucket", "upload-events-queue",
			"upload-events-dlq", "records-stream", "records-dlq", "changes-stream", "inventory-table",
			"alert-log-table", "thresholds-table", "uploads-table", "no-stock-topic", "loader-lease-table",
			"loader-coordinator-state-table", "loader-worker-metrics-table", "stock-alert-lease-table",
			"stock-alert-coordinator-state-table", "stock-alert-worker-metrics-table", "user-pool", "user-pool-client");

	private OutputKeys() {
	}

	/** {@code uploads-bucket} becomes {@code ResourceUploadsBucket}. */
	public static String forResource(String resourceKey) {
		StringBuilder key = new StringBuilder("Resource");
		for (String part : resourceKey.split("-")) {
			key.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
		}
		return key.toString();
	}

	public static String roleArn(Component component) {
		return component.pascalName() + "RoleArn";
	}

}
