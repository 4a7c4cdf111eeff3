package com.retail.inventory.infra.cluster;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.UploadsTable;
import com.retail.inventory.infra.Component;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * What each service may do in AWS: the calls its code (and the libraries it uses) makes,
 * on exactly its resources. No statement has a wildcard action; the only wildcard
 * resources are key patterns of the uploads bucket: {@code <bucket>/*} (ingest reads
 * uploads wherever they land) and {@code <bucket>/reports/*} (the reports, under
 * {@code uploads-reports-prefix}).
 *
 * <p>
 * Upload tracking ({@code uploads-table}): ingest creates and updates an upload's item
 * (conditional UpdateItem calls only) and writes its report; the loader adds its counts
 * to the item and rewrites the report; the dashboard reads items (by id, and day by day
 * through the {@code ByDay} index) and reports. No role gets s3:ListBucket: a report that
 * does not exist yet reads as 403 AccessDenied in AWS, not 404 NoSuchKey.
 *
 * <p>
 * The Kinesis binder calls (loader and stock-alert consume through it; ingest publishes
 * with the SDK's PutRecords and uses no binder) were read from spring-cloud-aws 4.0.0
 * (KinesisStreamProvisioner, KinesisBinderHealthIndicator,
 * KinesisMessageDrivenChannelAdapter, DynamoDbMetadataStore, DynamoDbLockRepository).
 * Every binder role also gets the read-only kinesis:DescribeStream on its own stream, as
 * the platform spec requires (see {@link #KINESIS_DESCRIBE}). Deliberately absent:
 * kinesis:CreateStream and kinesis:UpdateShardCount (the binder calls them only with
 * auto-create-stream / auto-add-shards; set
 * {@code spring.cloud.stream.kinesis.binder.auto-create-stream=false}),
 * dynamodb:CreateTable / UpdateTimeToLive (the binder calls them only when its table is
 * missing; the tables are created here), and sqs:CreateQueue (SqsTemplate creates a queue
 * it cannot find unless told otherwise; without the permission a wrong name fails).
 *
 * <p>
 * No KMS permission: streams, tables and the topic use AWS managed keys, whose key
 * policies already let principals of the account use them through the owning service; the
 * bucket uses SSE-S3, the queues SSE-SQS.
 */
public final class ServicePermissions {

	/**
	 * What every binder role may call to look at its own stream, read-only. In
	 * spring-cloud-aws 4.0.0, consumer provisioning calls DescribeStreamSummary then
	 * ListShards, and the binder health indicator (behind readiness) calls ListShards for
	 * every bound stream. DescribeStream is required by the platform spec for every
	 * binder role (health check and provisioner describe the stream); 4.0.0's own code
	 * calls it only in the stream waiter after CreateStream / UpdateShardCount, which are
	 * off here.
	 */
	static final List<String> KINESIS_DESCRIBE = List.of("kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
			"kinesis:ListShards");

	/**
	 * Ingest's publisher: batches of rows with PutRecords on the SDK's Kinesis client,
	 * nothing else (no binder: no stream checks, no health indicator, no single
	 * PutRecord).
	 */
	static final List<String> KINESIS_PRODUCER = List.of("kinesis:PutRecords");

	/**
	 * Binder polling consumer: checks the stream as above, then shard iterators and
	 * GetRecords per shard.
	 */
	static final List<String> KINESIS_CONSUMER = concat(KINESIS_DESCRIBE, "kinesis:GetShardIterator",
			"kinesis:GetRecords");

	/**
	 * DynamoDbMetadataStore: DescribeTable at start, then get/put/replace/remove of
	 * checkpoints.
	 */
	static final List<String> BINDER_CHECKPOINTS = List.of("dynamodb:DescribeTable", "dynamodb:GetItem",
			"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");

	/**
	 * DynamoDbLockRepository: DescribeTable at start, conditional put (acquire), update
	 * (renew), delete, query.
	 */
	static final List<String> BINDER_LOCKS = List.of("dynamodb:DescribeTable", "dynamodb:PutItem",
			"dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query");

	private final InventoryResources names;

	private final ResourceArns arns;

	public ServicePermissions(InventoryResources names, ResourceArns arns) {
		this.names = names;
		this.arns = arns;
	}

	public List<PolicyStatement> of(Component component) {
		return switch (component) {
			case INGEST -> ingest();
			case LOADER -> loader();
			case STOCK_ALERT -> stockAlert();
			case DASHBOARD -> dashboard();
		};
	}

	private List<PolicyStatement> ingest() {
		return List.of(
				// Anywhere in the bucket (uploads land in its root); GetObjectVersion
				// because ingest reads the exact version the S3 event announced. A read
				// resumed with a ranged GET, or conditional on the eTag, is the same
				// action.
				allow("ReadUploadedFiles", List.of("s3:GetObject", "s3:GetObjectVersion"), arns.uploadedObjects()),
				// The listener resolves the queue URL by name, receives, deletes (batch
				// deletes are sqs:DeleteMessage) and its visibility heartbeat extends a
				// message in progress. GetQueueAttributes: Spring Cloud AWS 4.0.0 reads
				// attributes only when told which (ingest names none), but KEDA with
				// identityOwner: workload reads the queue depth as this role.
				allow("ConsumeUploadEvents",
						List.of("sqs:GetQueueUrl", "sqs:GetQueueAttributes", "sqs:ReceiveMessage",
								"sqs:ChangeMessageVisibility", "sqs:DeleteMessage"),
						arns.uploadEventsQueue()),
				allow("ProduceInventoryRecords", KINESIS_PRODUCER, arns.recordsStream()),
				// Receipt, attempts, the file's counts and status: conditional
				// UpdateItem calls only (an update creates the item on receipt); no
				// reads.
				allow("TrackUploads", List.of("dynamodb:UpdateItem"), arns.table(names.uploadsTable())),
				allow("WriteUploadReports", List.of("s3:PutObject"), arns.reportObjects()));
	}

	/**
	 * The binder consumes the records stream. Each batch: the stored versions of its
	 * items with one strongly consistent BatchGetItem (projection of the key and version
	 * attributes), then BatchWriteItem, or one conditional PutItem per item (written only
	 * over an older version) when a batch write fails on an item or retries run long. A
	 * record that can never be loaded goes to the records dead-letter queue through
	 * SqsTemplate, which resolves the URL by name (GetQueueUrl, cached) and sends; it
	 * reads no queue attributes (standard queue, none configured) and receives nothing.
	 */
	private List<PolicyStatement> loader() {
		List<PolicyStatement> statements = new ArrayList<>();
		statements.add(allow("ConsumeInventoryRecords", KINESIS_CONSUMER, arns.recordsStream()));
		statements
			.add(allow("ReadStoredVersions", List.of("dynamodb:BatchGetItem"), arns.table(names.inventoryTable())));
		statements.add(allow("WriteInventory", List.of("dynamodb:BatchWriteItem", "dynamodb:PutItem"),
				arns.table(names.inventoryTable())));
		statements.add(allow("SendDeadLetters", List.of("sqs:GetQueueUrl", "sqs:SendMessage"), arns.recordsDlq()));
		statements.addAll(binderTables(names.loaderCheckpointTable(), names.loaderLockTable()));
		// Counts of the current attempt (conditional updates) and the final status.
		statements.add(allow("TrackUploads", List.of("dynamodb:GetItem", "dynamodb:UpdateItem"),
				arns.table(names.uploadsTable())));
		// Reads the report ingest wrote and writes it back completed.
		statements.add(allow("UpdateUploadReports", List.of("s3:GetObject", "s3:PutObject"), arns.reportObjects()));
		return statements;
	}

	private List<PolicyStatement> stockAlert() {
		List<PolicyStatement> statements = new ArrayList<>();
		statements.add(allow("ConsumeInventoryChanges", KINESIS_CONSUMER, arns.changesStream()));
		// GetTopicAttributes: readiness checks that alerts can be published to the topic.
		statements
			.add(allow("PublishNoStockAlerts", List.of("sns:GetTopicAttributes", "sns:Publish"), arns.noStockTopic()));
		// The alert state of a batch's store items in one strongly consistent
		// BatchGetItem (per 100 keys), then each transition recorded with a conditional
		// PutItem (only over an older version).
		statements.add(allow("TrackAlertState", List.of("dynamodb:BatchGetItem", "dynamodb:PutItem"),
				arns.table(names.alertLogTable())));
		// The whole thresholds table, with a paginated, consistent Scan; never written.
		statements.add(allow("ReadThresholds", List.of("dynamodb:Scan"), arns.table(names.thresholdsTable())));
		statements.addAll(binderTables(names.stockAlertCheckpointTable(), names.stockAlertLockTable()));
		return statements;
	}

	/**
	 * Lists stores with a paginated Scan and a store's items with a Query; reads uploads
	 * by id and day by day (the index), and their reports. It writes only the low-stock
	 * thresholds (head office sets them through its API and page).
	 */
	private List<PolicyStatement> dashboard() {
		return List.of(
				allow("ReadInventory", List.of("dynamodb:Scan", "dynamodb:Query"), arns.table(names.inventoryTable())),
				// The index by name, not index/*: the only index the table has.
				allow("ReadUploads", List.of("dynamodb:GetItem", "dynamodb:Query"),
						List.of(arns.table(names.uploadsTable()),
								arns.tableIndex(names.uploadsTable(), UploadsTable.BY_DAY_INDEX))),
				allow("ReadUploadReports", List.of("s3:GetObject"), arns.reportObjects()),
				// Lists them (a paginated Scan), sets one (put) and removes one.
				allow("EditThresholds", List.of("dynamodb:Scan", "dynamodb:PutItem", "dynamodb:DeleteItem"),
						arns.table(names.thresholdsTable())));
	}

	private List<PolicyStatement> binderTables(String checkpointTable, String lockTable) {
		return List.of(allow("BinderCheckpoints", BINDER_CHECKPOINTS, arns.table(checkpointTable)),
				allow("BinderLocks", BINDER_LOCKS, arns.table(lockTable)));
	}

	private static List<String> concat(List<String> first, String... more) {
		List<String> all = new ArrayList<>(first);
		all.addAll(List.of(more));
		return List.copyOf(all);
	}

	private static PolicyStatement allow(String sid, List<String> actions, String resource) {
		return allow(sid, actions, List.of(resource));
	}

	private static PolicyStatement allow(String sid, List<String> actions, List<String> resources) {
		return PolicyStatement.Builder.create()
			.sid(sid)
			.effect(Effect.ALLOW)
			.actions(actions)
			.resources(resources)
			.build();
	}

}
