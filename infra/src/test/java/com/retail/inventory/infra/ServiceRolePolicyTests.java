package com.retail.inventory.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.LeaseTableAttributes;
import com.retail.inventory.contracts.UploadsTable;
import com.retail.inventory.infra.SynthesizedApp.Variant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each service role's permissions, statement by statement: the exact actions on the exact
 * resources, nothing else (no managed policies, no second policy).
 */
class ServiceRolePolicyTests {

	private static final InventoryResources NAMES = InventoryResources.load();

	private static final String REGION_ACCOUNT = "${AWS::Region}:${AWS::AccountId}";

	/** The uploads bucket as the default deployment names it. */
	private static final String BUCKET_ARN = "arn:${AWS::Partition}:s3:::" + NAMES.uploadsBucket()
			+ "-${AWS::AccountId}-${AWS::Region}";

	/** Every report: {@code <bucket>/reports/*}. */
	private static final String REPORTS_ARN = BUCKET_ARN + "/" + NAMES.uploadsReportsPrefix() + "*";

	/** One statement as the tests compare it: all three rendered to strings. */
	record Statement(String sid, List<String> actions, List<String> resources) {
	}

	@Test
	void ingestReadsUploadedFilesAnywhereInTheBucketConsumesItsQueuePutsRecordsTracksUploadsAndWritesReports() {
		assertThat(statementsOf(Component.INGEST)).containsExactly(
				// Every key (uploads land in the bucket root), and the exact version the
				// S3 event announced.
				new Statement("ReadUploadedFiles", List.of("s3:GetObject", "s3:GetObjectVersion"),
						List.of(BUCKET_ARN + "/*")),
				new Statement("ConsumeUploadEvents",
						List.of("sqs:GetQueueUrl", "sqs:GetQueueAttributes", "sqs:ReceiveMessage",
								"sqs:ChangeMessageVisibility", "sqs:DeleteMessage"),
						List.of(arn("sqs", NAMES.uploadEventsQueue()))),
				// The dead-letter queue's depth for a gauge; nothing received from it.
				new Statement("WatchUploadEventsDeadLetters", List.of("sqs:GetQueueUrl", "sqs:GetQueueAttributes"),
						List.of(arn("sqs", NAMES.uploadEventsDlq()))),
				// The SDK's PutRecords, no binder: nothing to describe, no single
				// PutRecord.
				new Statement("ProduceInventoryRecords", List.of("kinesis:PutRecords"),
						List.of(arn("kinesis", "stream/" + NAMES.recordsStream()))),
				// Conditional updates only (receipt creates the item): no reads, no puts.
				new Statement("TrackUploads", List.of("dynamodb:UpdateItem"), List.of(table(NAMES.uploadsTable()))),
				new Statement("WriteUploadReports", List.of("s3:PutObject"), List.of(REPORTS_ARN)),
				// Readiness describes the tracking table, nothing else.
				new Statement("CheckTablesForReadiness", List.of("dynamodb:DescribeTable"),
						List.of(table(NAMES.uploadsTable()))));
	}

	/**
	 * Only ingest and the loader may write to the bucket, and only reports; nobody may
	 * delete, and only ingest reads outside the reports.
	 */
	@Test
	void servicesWriteOnlyReportsAndOnlyIngestReadsUploads() {
		for (Component component : Component.values()) {
			for (Statement statement : statementsOf(component)) {
				List<String> s3Actions = statement.actions().stream().filter(a -> a.startsWith("s3:")).toList();
				assertThat(s3Actions).as(component.name()).doesNotContain("s3:DeleteObject", "s3:DeleteObjectVersion");
				if (s3Actions.contains("s3:PutObject")) {
					assertThat(component).isIn(Component.INGEST, Component.LOADER);
					assertThat(statement.resources()).containsExactly(REPORTS_ARN);
				}
				if (!s3Actions.isEmpty() && !statement.resources().equals(List.of(REPORTS_ARN))) {
					assertThat(component).as(statement.sid()).isEqualTo(Component.INGEST);
				}
			}
		}
		assertThat(REPORTS_ARN).endsWith("/" + NAMES.uploadsReportsPrefix() + "*");
	}

	/**
	 * Every Kinesis binder role (the consumers) may describe its own stream (and no
	 * other).
	 */
	@ParameterizedTest
	@EnumSource(value = Component.class, names = { "LOADER", "STOCK_ALERT", "DASHBOARD" })
	void everyKinesisBinderRoleMayDescribeItsStream(Component component) {
		String stream = component == Component.LOADER ? NAMES.recordsStream() : NAMES.changesStream();
		assertThat(statementsOf(component))
			.filteredOn(statement -> statement.actions().stream().anyMatch(action -> action.startsWith("kinesis:")))
			.singleElement()
			.satisfies(statement -> {
				assertThat(statement.actions()).contains("kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
						"kinesis:ListShards");
				assertThat(statement.resources()).containsExactly(arn("kinesis", "stream/" + stream));
			});
	}

	/**
	 * Ingest publishes with the SDK, not the binder: it may only put batches into the
	 * records stream, and never read, describe or list any stream.
	 */
	@Test
	void ingestMayOnlyPutRecordBatchesAndNeitherDescribesNorReadsStreams() {
		List<String> kinesisActions = statementsOf(Component.INGEST).stream()
			.flatMap(statement -> statement.actions().stream())
			.filter(action -> action.startsWith("kinesis:"))
			.toList();
		assertThat(kinesisActions).containsExactly("kinesis:PutRecords");
	}

	@Test
	void loaderConsumesRecordsReadsVersionsWritesInventorySendsDeadLettersUsesOnlyItsKclTablesAndCountsUploads() {
		assertThat(statementsOf(Component.LOADER)).containsExactly(
				consumer("ConsumeInventoryRecords", NAMES.recordsStream()),
				// Stored versions: one strongly consistent BatchGetItem per batch.
				new Statement("ReadStoredVersions", List.of("dynamodb:BatchGetItem"),
						List.of(table(NAMES.inventoryTable()))),
				// Batch writes, and conditional PutItem (only over an older version) as
				// the fallback.
				new Statement("WriteInventory", List.of("dynamodb:BatchWriteItem", "dynamodb:PutItem"),
						List.of(table(NAMES.inventoryTable()))),
				// SqsTemplate by queue name: GetQueueUrl, then SendMessage; no receive.
				new Statement("SendDeadLetters", List.of("sqs:GetQueueUrl", "sqs:SendMessage"),
						List.of(arn("sqs", NAMES.recordsDlq()))),
				// Its depth for a gauge: attributes, still no receive.
				new Statement("WatchDeadLetters", List.of("sqs:GetQueueAttributes"),
						List.of(arn("sqs", NAMES.recordsDlq()))),
				kclLeases(NAMES.loaderLeaseTable()), kclLeasesByOwner(NAMES.loaderLeaseTable()),
				kclCoordinatorState(NAMES.loaderCoordinatorStateTable()),
				kclWorkerMetrics(NAMES.loaderWorkerMetricsTable()),
				// The counts of the current attempt (conditional updates), the final
				// status.
				new Statement("TrackUploads", List.of("dynamodb:GetItem", "dynamodb:UpdateItem"),
						List.of(table(NAMES.uploadsTable()))),
				new Statement("UpdateUploadReports", List.of("s3:GetObject", "s3:PutObject"), List.of(REPORTS_ARN)),
				// Readiness describes the two tables it writes and its lease table,
				// nothing else.
				new Statement("CheckTablesForReadiness", List.of("dynamodb:DescribeTable"), List
					.of(table(NAMES.inventoryTable()), table(NAMES.uploadsTable()), table(NAMES.loaderLeaseTable()))));
	}

	/**
	 * The records dead-letter queue is write-only for the loader (and its depth readable,
	 * for a gauge), and no other role may touch it; the loader may touch no other queue.
	 */
	@Test
	void onlyTheLoaderMaySendToTheRecordsDeadLetterQueueAndNobodyMayReadIt() {
		String recordsDlq = arn("sqs", NAMES.recordsDlq());
		for (Component component : Component.values()) {
			List<Statement> touching = statementsOf(component).stream()
				.filter(statement -> statement.resources().contains(recordsDlq))
				.toList();
			if (component == Component.LOADER) {
				assertThat(touching.stream().flatMap(statement -> statement.actions().stream()))
					.containsExactlyInAnyOrder("sqs:GetQueueUrl", "sqs:SendMessage", "sqs:GetQueueAttributes");
			}
			else {
				assertThat(touching).as(component.name()).isEmpty();
			}
		}
		assertThat(statementsOf(Component.LOADER).stream()
			.filter(statement -> statement.actions().stream().anyMatch(action -> action.startsWith("sqs:")))
			.flatMap(statement -> statement.resources().stream())).containsOnly(recordsDlq);
	}

	/**
	 * The roles name queues by ARN built from the shared names; each must be a queue the
	 * data stack declares, under that name.
	 */
	@Test
	void everyQueueARoleMayUseIsAQueueOfTheDataStack() {
		List<String> declaredQueues = new TemplateResources(SynthesizedApp.of(Variant.DEFAULTS).dataJson())
			.ofType("AWS::SQS::Queue")
			.values()
			.stream()
			.map(queue -> arn("sqs", TemplateResources.properties(queue).get("QueueName").toString()))
			.toList();
		for (Component component : Component.values()) {
			assertThat(statementsOf(component).stream()
				.filter(statement -> statement.actions().stream().anyMatch(action -> action.startsWith("sqs:")))
				.flatMap(statement -> statement.resources().stream())).as(component.name()).isSubsetOf(declaredQueues);
		}
	}

	@Test
	void stockAlertConsumesChangesPublishesAlertsTracksAlertStateReadsThresholdsAndUsesOnlyItsKclTables() {
		assertThat(statementsOf(Component.STOCK_ALERT)).containsExactly(
				consumer("ConsumeInventoryChanges", NAMES.changesStream()),
				new Statement("PublishNoStockAlerts", List.of("sns:GetTopicAttributes", "sns:Publish"),
						List.of(arn("sns", NAMES.noStockTopic()))),
				// A batch's alert states in one consistent BatchGetItem, then a
				// conditional PutItem per transition; no single GetItem.
				new Statement("TrackAlertState", List.of("dynamodb:BatchGetItem", "dynamodb:PutItem"),
						List.of(table(NAMES.alertLogTable()))),
				// The whole table with a paginated Scan; read-only.
				new Statement("ReadThresholds", List.of("dynamodb:Scan"), List.of(table(NAMES.thresholdsTable()))),
				// Readiness describes the two tables and its lease table, nothing else.
				new Statement("CheckTablesForReadiness", List.of("dynamodb:DescribeTable"),
						List.of(table(NAMES.alertLogTable()), table(NAMES.thresholdsTable()),
								table(NAMES.stockAlertLeaseTable()))),
				kclLeases(NAMES.stockAlertLeaseTable()), kclLeasesByOwner(NAMES.stockAlertLeaseTable()),
				kclCoordinatorState(NAMES.stockAlertCoordinatorStateTable()),
				kclWorkerMetrics(NAMES.stockAlertWorkerMetricsTable()));
	}

	/**
	 * The thresholds are read by stock-alert with a Scan (and described for its
	 * readiness), and edited by the dashboard (its API checks for head office); no other
	 * role touches the table.
	 */
	@Test
	void thresholdsTableIsScannedByStockAlertAndEditedByTheDashboardOnly() {
		assertThat(actionsOnTable(NAMES.thresholdsTable())).containsExactly(Map.entry(Component.INGEST, List.of()),
				Map.entry(Component.LOADER, List.of()),
				Map.entry(Component.STOCK_ALERT, List.of("dynamodb:Scan", "dynamodb:DescribeTable")),
				Map.entry(Component.DASHBOARD,
						List.of("dynamodb:Scan", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:DescribeTable")));
	}

	/**
	 * A paginated Scan lists the stores, a Query a store's items (no GetItem on
	 * Inventory); its in-memory view follows the change stream as a binder polling
	 * consumer; uploads by id and day by day through the one index, named; reports; the
	 * thresholds it edits; of Cognito only DescribeUserPool (the password policy), on the
	 * data stack's pool.
	 */
	@Test
	void dashboardReadsInventoryFollowsChangesReadsUploadsAndReportsEditsThresholdsAndDescribesItsPool() {
		assertThat(statementsOf(Component.DASHBOARD)).containsExactly(
				new Statement("ReadInventory", List.of("dynamodb:Scan", "dynamodb:Query"),
						List.of(table(NAMES.inventoryTable()))),
				consumer("FollowInventoryChanges", NAMES.changesStream()),
				new Statement("ReadUploads", List.of("dynamodb:GetItem", "dynamodb:Query"),
						List.of(table(NAMES.uploadsTable()),
								table(NAMES.uploadsTable() + "/index/" + UploadsTable.BY_DAY_INDEX))),
				new Statement("ReadUploadReports", List.of("s3:GetObject"), List.of(REPORTS_ARN)),
				new Statement("EditThresholds", List.of("dynamodb:Scan", "dynamodb:PutItem", "dynamodb:DeleteItem"),
						List.of(table(NAMES.thresholdsTable()))),
				new Statement("ReadPasswordPolicy", List.of("cognito-idp:DescribeUserPool"),
						List.of(userPoolArn(Variant.DEFAULTS))),
				// Readiness describes the three tables, nothing else.
				new Statement("CheckTablesForReadiness", List.of("dynamodb:DescribeTable"), List
					.of(table(NAMES.inventoryTable()), table(NAMES.uploadsTable()), table(NAMES.thresholdsTable()))));
	}

	/**
	 * The pool's id is generated, so its ARN is the one value the roles import from the
	 * data stack: the import must resolve to the data stack's only user pool, in both
	 * cluster modes, and only the dashboard may call Cognito.
	 */
	@ParameterizedTest
	@EnumSource(Variant.class)
	void onlyTheDashboardMayCallCognitoAndOnlyOnTheDataStacksUserPool(Variant variant) {
		TemplateResources data = new TemplateResources(SynthesizedApp.of(variant).dataJson());
		String poolId = data.ofType("AWS::Cognito::UserPool").keySet().iterator().next();
		assertThat(data.ofType("AWS::Cognito::UserPool")).hasSize(1);
		String imported = userPoolArn(variant);
		assertThat(imported).startsWith("ImportValue(").endsWith(")");
		String exportName = imported.substring("ImportValue(".length(), imported.length() - 1);
		assertThat(data.outputs().values().stream().map(TemplateResources::map))
			.filteredOn(output -> output.containsKey("Export")
					&& exportName.equals(TemplateResources.map(output.get("Export")).get("Name")))
			.singleElement()
			.satisfies(
					output -> assertThat(output.get("Value")).isEqualTo(Map.of("Fn::GetAtt", List.of(poolId, "Arn"))));
		for (Component component : Component.values()) {
			List<Statement> cognito = statementsOf(component, variant).stream()
				.filter(statement -> statement.actions().stream().anyMatch(action -> action.startsWith("cognito-")))
				.toList();
			if (component == Component.DASHBOARD) {
				assertThat(cognito).singleElement()
					.satisfies(statement -> assertThat(statement.actions())
						.containsExactly("cognito-idp:DescribeUserPool"));
			}
			else {
				assertThat(cognito).as(component.name()).isEmpty();
			}
		}
	}

	/**
	 * The dashboard keeps its change-stream checkpoints and locks in memory (no consumer
	 * group, every replica reads every shard): no binder or KCL table is declared for it,
	 * and it may touch no table but the three it reads or edits (and describes for
	 * readiness).
	 */
	@Test
	void dashboardHasNoConsumerTables() {
		List<String> tablesTouched = statementsOf(Component.DASHBOARD).stream()
			.filter(statement -> statement.actions().stream().anyMatch(action -> action.startsWith("dynamodb:")))
			.flatMap(statement -> statement.resources().stream())
			.toList();
		assertThat(tablesTouched).containsOnly(table(NAMES.inventoryTable()), table(NAMES.uploadsTable()),
				table(NAMES.uploadsTable() + "/index/" + UploadsTable.BY_DAY_INDEX), table(NAMES.thresholdsTable()));
		assertThat(statementsOf(Component.DASHBOARD).stream().flatMap(statement -> statement.actions().stream()))
			.doesNotContain("dynamodb:UpdateItem", "dynamodb:CreateTable");
		// DescribeTable (which a binder's table store needs at start) only for readiness,
		// on the three tables above.
		assertThat(statementsOf(Component.DASHBOARD).stream()
			.filter(statement -> statement.actions().contains("dynamodb:DescribeTable"))
			.map(Statement::sid)).containsExactly("CheckTablesForReadiness");
		assertThat(new TemplateResources(SynthesizedApp.of(Variant.DEFAULTS).dataJson()).ofType("AWS::DynamoDB::Table")
			.values()
			.stream()
			.map(table -> TemplateResources.properties(table).get("TableName").toString()))
			.noneMatch(name -> name.toLowerCase().contains("dashboard"))
			.containsExactlyInAnyOrder(NAMES.inventoryTable(), NAMES.alertLogTable(), NAMES.thresholdsTable(),
					NAMES.uploadsTable(), NAMES.loaderLeaseTable(), NAMES.loaderCoordinatorStateTable(),
					NAMES.loaderWorkerMetricsTable(), NAMES.stockAlertLeaseTable(),
					NAMES.stockAlertCoordinatorStateTable(), NAMES.stockAlertWorkerMetricsTable());
	}

	/**
	 * The upload items are written by ingest (created) and the loader (counted; it also
	 * describes the table for its readiness), read by the dashboard; stock-alert has
	 * nothing to do with them, and nobody scans or deletes them (they expire by TTL).
	 */
	@Test
	void uploadsTableIsCreatedByIngestUpdatedByTheLoaderReadByTheDashboardAndNeverDeleted() {
		assertThat(actionsOnTable(NAMES.uploadsTable())).containsExactly(
				Map.entry(Component.INGEST, List.of("dynamodb:UpdateItem", "dynamodb:DescribeTable")),
				Map.entry(Component.LOADER,
						List.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DescribeTable")),
				Map.entry(Component.STOCK_ALERT, List.of()), Map.entry(Component.DASHBOARD,
						List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:DescribeTable")));
	}

	@ParameterizedTest
	@EnumSource(Component.class)
	void eachRoleHasOneInlinePolicyAndNothingElse(Component component) {
		Map<String, Object> role = new ServiceRoles(SynthesizedApp.of(Variant.DEFAULTS).clusterJson())
			.properties(component);
		assertThat(role).doesNotContainKeys("ManagedPolicyArns", "PermissionsBoundary");
		assertThat(TemplateResources.list(role.get("Policies"))).hasSize(1);
		assertThat(new TemplateResources(SynthesizedApp.of(Variant.DEFAULTS).clusterJson()).ofType("AWS::IAM::Policy"))
			.as("no separate policy is attached to any role")
			.isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Component.class)
	void permissionsDoNotDependOnTheClusterMode(Component component) {
		assertThat(statementsOf(component, Variant.EXISTING_CLUSTER).stream().map(Statement::actions))
			.isEqualTo(statementsOf(component, Variant.DEFAULTS).stream().map(Statement::actions).toList());
	}

	/**
	 * The streams, tables (the KCL tables and the lease table's index included), topic
	 * and queues exist before the services start: KCL finds its tables with DescribeTable
	 * and creates nothing, and a wrong name fails instead of creating a resource.
	 */
	@Test
	void noServiceMayCreateOrReconfigureStreamsOrTables() {
		for (Component component : Component.values()) {
			assertThat(statementsOf(component).stream().flatMap(statement -> statement.actions().stream()))
				.as(component.name())
				.doesNotContain("kinesis:CreateStream", "kinesis:UpdateShardCount", "dynamodb:CreateTable",
						"dynamodb:UpdateTable", "dynamodb:DeleteTable", "dynamodb:UpdateTimeToLive",
						"dynamodb:UpdateContinuousBackups", "dynamodb:TagResource", "sns:CreateTopic",
						"sqs:CreateQueue", "sqs:SetQueueAttributes", "sqs:PurgeQueue", "sqs:DeleteQueue");
		}
	}

	/**
	 * Each consumer group's KCL tables are touched by its own service only, and no other
	 * group's; no service reaches another index of a lease table (the index by name, not
	 * {@code index/*}).
	 */
	@Test
	void eachConsumerGroupUsesOnlyItsOwnKclTables() {
		List<String> loaderTables = List.of(NAMES.loaderLeaseTable(), NAMES.loaderCoordinatorStateTable(),
				NAMES.loaderWorkerMetricsTable());
		List<String> stockAlertTables = List.of(NAMES.stockAlertLeaseTable(), NAMES.stockAlertCoordinatorStateTable(),
				NAMES.stockAlertWorkerMetricsTable());
		for (Component component : Component.values()) {
			List<String> own = switch (component) {
				case LOADER -> loaderTables;
				case STOCK_ALERT -> stockAlertTables;
				default -> List.of();
			};
			List<String> kclResources = statementsOf(component).stream()
				.flatMap(statement -> statement.resources().stream())
				.filter(resource -> isTableOrIndexOfAny(resource, loaderTables)
						|| isTableOrIndexOfAny(resource, stockAlertTables))
				.distinct()
				.toList();
			List<String> expected = own.isEmpty() ? List.of()
					: List.of(table(own.get(0)), table(own.get(0) + "/index/" + LeaseTableAttributes.OWNER_INDEX),
							table(own.get(1)), table(own.get(2)));
			assertThat(kclResources).as(component.name()).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(kclResources).as(component.name()).noneMatch(resource -> resource.endsWith("/index/*"));
		}
	}

	/**
	 * No KCL metrics (metrics-level NONE) and no enhanced fan-out (the consumers poll):
	 * no CloudWatch and no stream consumer actions for any service.
	 */
	@Test
	void consumersNeitherPublishMetricsNorUseEnhancedFanOut() {
		for (Component component : Component.values()) {
			assertThat(statementsOf(component).stream().flatMap(statement -> statement.actions().stream()))
				.as(component.name())
				.noneMatch(action -> action.startsWith("cloudwatch:"))
				.doesNotContain("kinesis:RegisterStreamConsumer", "kinesis:DescribeStreamConsumer",
						"kinesis:SubscribeToShard", "kinesis:ListStreamConsumers");
		}
	}

	/** Whether the ARN is one of the tables, or an index of one. */
	private static boolean isTableOrIndexOfAny(String resource, List<String> tables) {
		return tables.stream()
			.anyMatch(name -> resource.endsWith(":table/" + name) || resource.contains(":table/" + name + "/index/"));
	}

	/** For each service role, the actions it is granted on the table. */
	private static Map<Component, List<String>> actionsOnTable(String table) {
		Map<Component, List<String>> actions = new EnumMap<>(Component.class);
		for (Component component : Component.values()) {
			actions.put(component, statementsOf(component).stream()
				.filter(statement -> statement.resources().stream().anyMatch(r -> r.contains(":table/" + table)))
				.flatMap(statement -> statement.actions().stream())
				.toList());
		}
		return actions;
	}

	private static List<Statement> statementsOf(Component component) {
		return statementsOf(component, Variant.DEFAULTS);
	}

	static List<Statement> statementsOf(Component component, Variant variant) {
		Map<String, Object> role = new ServiceRoles(SynthesizedApp.of(variant).clusterJson()).properties(component);
		return statementsIn(TemplateResources.map(TemplateResources.list(role.get("Policies")).get(0)));
	}

	/**
	 * @param policy an inline policy or a managed policy's properties
	 * @return its statements, each checked to allow and to have nothing but a sid,
	 * actions and resources
	 */
	static List<Statement> statementsIn(Map<String, Object> policy) {
		return TemplateResources.list(TemplateResources.map(policy.get("PolicyDocument")).get("Statement"))
			.stream()
			.map(TemplateResources::map)
			.map(statement -> {
				assertThat(statement).containsOnlyKeys("Sid", "Effect", "Action", "Resource");
				assertThat(statement.get("Effect")).isEqualTo("Allow");
				return new Statement(statement.get("Sid").toString(), CfnExpressions.renderAll(statement.get("Action")),
						CfnExpressions.renderAll(statement.get("Resource")));
			})
			.toList();
	}

	private static Statement consumer(String sid, String stream) {
		return new Statement(sid, List.of("kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
				"kinesis:ListShards", "kinesis:GetShardIterator", "kinesis:GetRecords"),
				List.of(arn("kinesis", "stream/" + stream)));
	}

	/** The dashboard's one Cognito resource, as the cluster template names it. */
	private static String userPoolArn(Variant variant) {
		return statementsOf(Component.DASHBOARD, variant).stream()
			.filter(statement -> statement.sid().equals("ReadPasswordPolicy"))
			.findFirst()
			.orElseThrow()
			.resources()
			.get(0);
	}

	/**
	 * KCL 3.1.2's DynamoDBLeaseRefresher: describe, list (Scan), get, create, update and
	 * delete leases; no Query on the table itself.
	 */
	private static Statement kclLeases(String table) {
		return new Statement("KclLeases", List.of("dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem",
				"dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Scan"), List.of(table(table)));
	}

	/** A worker's leases through the owner index, by its exact ARN: Query only. */
	private static Statement kclLeasesByOwner(String table) {
		return new Statement("KclLeasesByOwner", List.of("dynamodb:Query"),
				List.of(table(table + "/index/" + LeaseTableAttributes.OWNER_INDEX)));
	}

	/** CoordinatorStateDAO and the DynamoDB lock client electing the leader. */
	private static Statement kclCoordinatorState(String table) {
		return new Statement("KclCoordinatorState", List.of("dynamodb:DescribeTable", "dynamodb:GetItem",
				"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Scan"),
				List.of(table(table)));
	}

	/**
	 * WorkerMetricStatsDAO: describe, update a report, delete a stale one, scan them all;
	 * it never gets or puts a single item.
	 */
	private static Statement kclWorkerMetrics(String table) {
		return new Statement("KclWorkerMetrics",
				List.of("dynamodb:DescribeTable", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Scan"),
				List.of(table(table)));
	}

	private static String table(String name) {
		return arn("dynamodb", "table/" + name);
	}

	private static String arn(String service, String resource) {
		return "arn:${AWS::Partition}:" + service + ":" + REGION_ACCOUNT + ":" + resource;
	}

}
