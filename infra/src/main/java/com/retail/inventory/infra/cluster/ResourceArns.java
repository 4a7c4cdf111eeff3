package com.retail.inventory.infra.cluster;

import com.retail.inventory.contracts.InventoryResources;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;

/**
 * ARNs of the data stack's resources, built from their shared names rather than imported
 * from the data stack: the roles can then be written (and reviewed) as plain ARNs, and
 * the data stack exports nothing that would block replacing one of its resources.
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
		return stack.formatArn(ArnComponents.builder()
			.service("s3")
			.region("")
			.account("")
			.resource(bucketName)
			.resourceName("*")
			.arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
			.build());
	}

	public String uploadEventsQueue() {
		return queue(names.uploadEventsQueue());
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
