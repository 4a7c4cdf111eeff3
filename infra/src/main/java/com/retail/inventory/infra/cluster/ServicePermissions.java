package com.retail.inventory.infra.cluster;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.LeaseTableAttributes;
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
 * The Kinesis binder calls (loader, stock-alert and the dashboard consume through it;
 * ingest publishes with the SDK's PutRecords and uses no binder) were read from
 * spring-cloud-aws 4.0.0 (KinesisStreamProvisioner, KinesisBinderHealthIndicator,
 * KinesisMessageDrivenChannelAdapter, KclMessageDrivenChannelAdapter). The loader and
 * stock-alert consume in the binder's KCL mode: the Kinesis Client Library 3.1.2 calls
 * were read from its source (KinesisShardDetector, KinesisDataFetcher,
 * DynamoDBLeaseRefresher, CoordinatorStateDAO and the DynamoDB lock client it hands the
 * coordinator state table to, WorkerMetricStatsDAO). Every binder role also gets the
 * read-only kinesis:DescribeStream on its own stream, as the platform spec requires (see
 * {@link #KINESIS_DESCRIBE}). Deliberately absent: kinesis:CreateStream and
 * kinesis:UpdateShardCount (the binder calls them only with auto-create-stream /
 * auto-add-shards; set
 * {@code spring.cloud.stream.kinesis.binder.auto-create-stream=false}),
 * dynamodb:CreateTable / UpdateTable (KCL calls them only when a table or the lease
 * table's index is missing; they are created here, so a wrong table name fails instead of
 * creating a table), dynamodb:UpdateContinuousBackups (KCL calls it only when told to
 * switch on point-in-time recovery; the lease table has it from here), enhanced fan-out
 * (the consumers poll: fan-out off), cloudwatch:PutMetricData (KCL's metrics are off:
 * metrics-level NONE) and sqs:CreateQueue (SqsTemplate creates a queue it cannot find
 * unless told otherwise; without the permission a wrong name fails).
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
	 * A polling consumer: checks the stream as above, then shard iterators and GetRecords
	 * per shard. The same for the binder's polling mode (the dashboard) and KCL in
	 * polling mode (loader, stock-alert), whose shard detector calls ListShards (and, for
	 * a closed shard's children, GetShardIterator and GetRecords) and whose data fetcher
	 * GetShardIterator and GetRecords.
	 */
	static final List<String> KINESIS_CONSUMER = concat(KINESIS_DESCRIBE, "kinesis:GetShardIterator",
			"kinesis:GetRecords");

	/**
	 * KCL's lease table (DynamoDBLeaseRefresher): DescribeTable at start (table and index
	 * exist and are active), Scan to list all leases, GetItem, conditional PutItem (a new
	 * shard's lease), UpdateItem (take, renew, assign, evict, checkpoint) and DeleteItem
	 * (a finished shard's lease).
	 */
	static final List<String> KCL_LEASES = List.of("dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem",
			"dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Scan");

	/**
	 * The lease table's index by owner: KCL 3's lease discoverer finds the leases the
	 * leader assigned to a worker with a Query of it.
	 */
	static final List<String> KCL_LEASES_BY_OWNER = List.of("dynamodb:Query");

	/**
	 * KCL 3's coordinator state table: CoordinatorStateDAO (DescribeTable at start, Scan,
	 * GetItem, PutItem, UpdateItem of the migration state) and the DynamoDB lock client
	 * that elects the leader on it (GetItem, conditional PutItem and UpdateItem to take
	 * and heartbeat the lock, DeleteItem to release it).
	 */
	static final List<String> KCL_COORDINATOR_STATE = List.of("dynamodb:DescribeTable", "dynamodb:GetItem",
			"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Scan");

	/**
	 * KCL 3's worker metrics table (WorkerMetricStatsDAO, on the enhanced client):
	 * DescribeTable at start, UpdateItem (each worker's load report), conditional
	 * DeleteItem (a stale worker's report) and Scan (the leader reads them all). It
	 * neither gets nor puts single items, so GetItem and PutItem (in AWS's generic KCL
	 * policy) are left out.
	 */
	static final List<String> KCL_WORKER_METRICS = List.of("dynamodb:DescribeTable", "dynamodb:UpdateItem",
			"dynamodb:DeleteItem", "dynamodb:Scan");

	private final InventoryResources names;

	private final ResourceArns arns;

	private final String userPoolArn;

	/**
	 * @param userPoolArn the dashboard's user pool (its id is generated by Cognito, so
	 * the ARN cannot be built from a name: it comes from the data stack)
	 */
	public ServicePermissions(InventoryResources names, ResourceArns arns, String userPoolArn) {
		this.names = names;
		this.arns = arns;
		this.userPoolArn = userPoolArn;
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
				// The depth of the queue's dead-letter queue, every minute, for the gauge
				// inventory.dlq.messages: attributes only, no message is received.
				allow("WatchUploadEventsDeadLetters", List.of("sqs:GetQueueUrl", "sqs:GetQueueAttributes"),
						arns.uploadEventsDlq()),
				allow("ProduceInventoryRecords", KINESIS_PRODUCER, arns.recordsStream()),
				// Receipt, attempts, the file's counts and status: conditional
				// UpdateItem calls only (an update creates the item on receipt); no
				// reads.
				allow("TrackUploads", List.of("dynamodb:UpdateItem"), arns.table(names.uploadsTable())),
				allow("WriteUploadReports", List.of("s3:PutObject"), arns.reportObjects()),
				// Readiness: the tracking table exists and may be used.
				allow("CheckTablesForReadiness", List.of("dynamodb:DescribeTable"), arns.table(names.uploadsTable())));
	}

	/**
	 * The binder consumes the records stream through KCL. Each batch: the stored versions
	 * of its items with one strongly consistent BatchGetItem (projection of the key and
	 * version attributes), then BatchWriteItem, or one conditional PutItem per item
	 * (written only over an older version) when a batch write fails on an item or retries
	 * run long. A record that can never be loaded goes to the records dead-letter queue
	 * through SqsTemplate, which resolves the URL by name (GetQueueUrl, cached) and
	 * sends; it receives nothing from it, and reads its depth for a gauge.
	 */
	private List<PolicyStatement> loader() {
		List<PolicyStatement> statements = new ArrayList<>();
		statements.add(allow("ConsumeInventoryRecords", KINESIS_CONSUMER, arns.recordsStream()));
		statements
			.add(allow("ReadStoredVersions", List.of("dynamodb:BatchGetItem"), arns.table(names.inventoryTable())));
		statements.add(allow("WriteInventory", List.of("dynamodb:BatchWriteItem", "dynamodb:PutItem"),
				arns.table(names.inventoryTable())));
		statements.add(allow("SendDeadLetters", List.of("sqs:GetQueueUrl", "sqs:SendMessage"), arns.recordsDlq()));
		// Its depth every minute for the gauge inventory.dlq.messages: attributes only,
		// the loader still receives nothing from it.
		statements.add(allow("WatchDeadLetters", List.of("sqs:GetQueueAttributes"), arns.recordsDlq()));
		statements.addAll(kclTables(names.loaderLeaseTable(), names.loaderCoordinatorStateTable(),
				names.loaderWorkerMetricsTable()));
		// Counts of the current attempt (conditional updates) and the final status.
		statements.add(allow("TrackUploads", List.of("dynamodb:GetItem", "dynamodb:UpdateItem"),
				arns.table(names.uploadsTable())));
		// Reads the report ingest wrote and writes it back completed.
		statements.add(allow("UpdateUploadReports", List.of("s3:GetObject", "s3:PutObject"), arns.reportObjects()));
		// Readiness: both tables a batch writes, and the lease table the consumer needs,
		// exist and may be used.
		statements.add(allow("CheckTablesForReadiness", List.of("dynamodb:DescribeTable"),
				List.of(arns.table(names.inventoryTable()), arns.table(names.uploadsTable()),
						arns.table(names.loaderLeaseTable()))));
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
		// Readiness: both tables a batch needs, and the lease table the consumer needs,
		// exist and may be used.
		statements.add(allow("CheckTablesForReadiness", List.of("dynamodb:DescribeTable"),
				List.of(arns.table(names.alertLogTable()), arns.table(names.thresholdsTable()),
						arns.table(names.stockAlertLeaseTable()))));
		statements.addAll(kclTables(names.stockAlertLeaseTable(), names.stockAlertCoordinatorStateTable(),
				names.stockAlertWorkerMetricsTable()));
		return statements;
	}

	/**
	 * Lists stores with a paginated Scan and a store's items with a Query; reads uploads
	 * by id and day by day (the index), and their reports. It writes only the low-stock
	 * thresholds (head office sets them through its API and page).
	 *
	 * <p>
	 * Its in-memory view follows the change stream through the binder as a polling
	 * consumer without a group: every replica reads every shard from LATEST, with
	 * checkpoints and locks in memory, so it has no binder tables and no DynamoDB
	 * permission for them. Cognito: only DescribeUserPool (the password policy shown on
	 * the set-new-password page); sign-in, challenges, GetUser and GlobalSignOut are
	 * authorized by the user's own tokens, not by IAM.
	 */
	private List<PolicyStatement> dashboard() {
		return List.of(
				allow("ReadInventory", List.of("dynamodb:Scan", "dynamodb:Query"), arns.table(names.inventoryTable())),
				allow("FollowInventoryChanges", KINESIS_CONSUMER, arns.changesStream()),
				// The index by name, not index/*: the only index the table has.
				allow("ReadUploads", List.of("dynamodb:GetItem", "dynamodb:Query"),
						List.of(arns.table(names.uploadsTable()),
								arns.tableIndex(names.uploadsTable(), UploadsTable.BY_DAY_INDEX))),
				allow("ReadUploadReports", List.of("s3:GetObject"), arns.reportObjects()),
				// Lists them (a paginated Scan), sets one (put) and removes one.
				allow("EditThresholds", List.of("dynamodb:Scan", "dynamodb:PutItem", "dynamodb:DeleteItem"),
						arns.table(names.thresholdsTable())),
				allow("ReadPasswordPolicy", List.of("cognito-idp:DescribeUserPool"), userPoolArn),
				// Readiness: the three tables it reads or edits exist and may be used.
				allow("CheckTablesForReadiness", List.of("dynamodb:DescribeTable"),
						List.of(arns.table(names.inventoryTable()), arns.table(names.uploadsTable()),
								arns.table(names.thresholdsTable()))));
	}

	/**
	 * A consumer group's KCL tables, each with only what KCL calls on it; the index by
	 * name, not index/*: the only index the table has.
	 */
	private List<PolicyStatement> kclTables(String leaseTable, String coordinatorStateTable,
			String workerMetricsTable) {
		return List.of(allow("KclLeases", KCL_LEASES, arns.table(leaseTable)),
				allow("KclLeasesByOwner", KCL_LEASES_BY_OWNER,
						arns.tableIndex(leaseTable, LeaseTableAttributes.OWNER_INDEX)),
				allow("KclCoordinatorState", KCL_COORDINATOR_STATE, arns.table(coordinatorStateTable)),
				allow("KclWorkerMetrics", KCL_WORKER_METRICS, arns.table(workerMetricsTable)));
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
