package com.retail.inventory.infra.cluster;

import com.retail.inventory.contracts.InventoryResources;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;

/**
 * ARNs of the data stack's resources, built from their shared names rather than imported
 * from the data stack: the roles can then be written (and reviewed) as plain ARNs, and
 * the data stack exports nothing that would block replacing one of its resources (but the
 * user pool, whose id Cognito generates: see {@link ClusterStack}). The data stack uses
 * it too, for the store uploader role, so both stacks spell the bucket's ARNs the same
 * way.
 */
public final class ResourceArns {

	private final Stack stack;

	private final InventoryResources names;

	private final String bucketName;

	public ResourceArns(Stack stack, InventoryResources names, String bucketName) {
		this.stack = stack;
		this.names = names;
		this.bucketName = bucketName;
	}

	/**
	 * Every object of the uploads bucket ({@code <bucket>/*}): stores upload to the
	 * bucket root, and an IAM resource cannot exclude the reports prefix (ingest skips
	 * those keys itself).
	 */
	public String uploadedObjects() {
		return objects("*");
	}

	/**
	 * The reports' keys ({@code <bucket>/<reports prefix>*}, e.g.
	 * {@code <bucket>/reports/*}): the report of upload key {@code K} is
	 * {@code <reports prefix>K.json} (and {@code K.rejected.csv}).
	 */
	public String reportObjects() {
		return objects(names.uploadsReportsPrefix() + "*");
	}

	/** The uploads bucket itself (what s3:ListBucket is granted on). */
	public String bucket() {
		return stack.formatArn(ArnComponents.builder()
			.service("s3")
			.region("")
			.account("")
			.resource(bucketName)
			.arnFormat(ArnFormat.NO_RESOURCE_NAME)
			.build());
	}

	/**
	 * Objects of the uploads bucket whose key matches the pattern.
	 * @param keyPattern an S3 key pattern, e.g. {@code reports/*}
	 */
	public String objects(String keyPattern) {
		return stack.formatArn(ArnComponents.builder()
			.service("s3")
			.region("")
			.account("")
			.resource(bucketName)
			.resourceName(keyPattern)
			.arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
			.build());
	}

	public String uploadEventsQueue() {
		return queue(names.uploadEventsQueue());
	}

	/** The upload queue's dead-letter queue. */
	public String uploadEventsDlq() {
		return queue(names.uploadEventsDlq());
	}

	public String recordsStream() {
		return stream(names.recordsStream());
	}

	/** The loader's dead-letter queue for records it can never load. */
	public String recordsDlq() {
		return queue(names.recordsDlq());
	}

	public String changesStream() {
		return stream(names.changesStream());
	}

	public String table(String tableName) {
		return stack.formatArn(ArnComponents.builder()
			.service("dynamodb")
			.resource("table")
			.resourceName(tableName)
			.arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
			.build());
	}

	/** A global secondary index of a table, by name. */
	public String tableIndex(String tableName, String indexName) {
		return stack.formatArn(ArnComponents.builder()
			.service("dynamodb")
			.resource("table")
			.resourceName(tableName + "/index/" + indexName)
			.arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
			.build());
	}

	public String noStockTopic() {
		return stack.formatArn(ArnComponents.builder()
			.service("sns")
			.resource(names.noStockTopic())
			.arnFormat(ArnFormat.NO_RESOURCE_NAME)
			.build());
	}

	private String queue(String queueName) {
		return stack.formatArn(ArnComponents.builder()
			.service("sqs")
			.resource(queueName)
			.arnFormat(ArnFormat.NO_RESOURCE_NAME)
			.build());
	}

	private String stream(String streamName) {
		return stack.formatArn(ArnComponents.builder()
			.service("kinesis")
			.resource("stream")
			.resourceName(streamName)
			.arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
			.build());
	}

}
