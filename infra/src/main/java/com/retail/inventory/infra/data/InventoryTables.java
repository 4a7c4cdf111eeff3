package com.retail.inventory.infra.data;

import com.retail.inventory.contracts.AlertLogTable;
import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.InventoryTable;
import com.retail.inventory.contracts.ThresholdsTable;
import com.retail.inventory.contracts.UploadsTable;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.ApproximateCreationDateTimePrecision;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.kinesis.IStream;
import software.constructs.Construct;

/**
 * The business tables: {@code Inventory} (current count per store and item, streaming
 * every change to the changes stream), {@code InventoryAlertLog} (alerts already sent,
 * expiring by TTL), {@code InventoryThresholds} (low-stock thresholds per store and item,
 * {@code *} standing for all; stock-alert reads the whole table) and
 * {@code InventoryUploads} (one item per upload: status, counts, report; expiring by TTL,
 * listed day by day through its {@code ByDay} index).
 *
 * <p>
 * On-demand billing: the load is a burst per upload and nothing in between. All keep
 * point-in-time recovery (35 days) and deletion protection: they are the platform's
 * state.
 */
public final class InventoryTables extends Construct {

	private final Table inventory;

	private final Table alertLog;

	private final Table thresholds;

	private final Table uploads;

	public InventoryTables(Construct scope, String id, InventoryResources names, IStream changesStream) {
		super(scope, id);
		// Only key attributes are declared; Count (N) is an ordinary attribute, DynamoDB
		// has no schema for it.
		this.inventory = protectedTable("Inventory", names.inventoryTable(), InventoryTable.STORE)
			.sortKey(stringAttribute(InventoryTable.ITEM))
			// Kinesis Data Streams for DynamoDB: every item change is written to the
			// changes stream.
			.kinesisStream(changesStream)
			// ApproximateCreationDateTime in epoch milliseconds, as the change-stream
			// contract (and the local bridge) has it; the destination's default is
			// microseconds.
			.kinesisPrecisionTimestamp(ApproximateCreationDateTimePrecision.MILLISECOND)
			.build();

		this.alertLog = expiringTable("AlertLog", names.alertLogTable(), AlertLogTable.ALERT_ID,
				AlertLogTable.EXPIRES_AT);

		// Thresholds stay until changed: no TTL. No stream and no index: stock-alert
		// reads the whole table with a paginated Scan. LowStock (N) is an ordinary
		// attribute.
		this.thresholds = protectedTable("Thresholds", names.thresholdsTable(), ThresholdsTable.STORE)
			.sortKey(stringAttribute(ThresholdsTable.ITEM))
			.build();

		// TTL only switches expiry on: the services set ExpiresAt to receipt plus
		// uploads-retention-days (the bucket's lifecycle rule expires the files and
		// reports after the same number of days).
		this.uploads = expiringTable("Uploads", names.uploadsTable(), UploadsTable.UPLOAD_ID, UploadsTable.EXPIRES_AT);
		// The dashboard lists a day's uploads newest first; every attribute, so a listing
		// needs no reads of the table.
		this.uploads.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
			.indexName(UploadsTable.BY_DAY_INDEX)
			.partitionKey(stringAttribute(UploadsTable.RECEIVED_DAY))
			.sortKey(stringAttribute(UploadsTable.RECEIVED_AT))
			.projectionType(ProjectionType.ALL)
			.build());
	}

	/** A table of one string hash key whose items expire by their TTL attribute. */
	private Table expiringTable(String id, String name, String hashKey, String ttlAttribute) {
		return protectedTable(id, name, hashKey).timeToLiveAttribute(ttlAttribute).build();
	}

	/**
	 * What every table of the platform has: on-demand billing, encryption, point-in-time
	 * recovery, deletion protection, kept when the stack goes.
	 */
	private Table.Builder protectedTable(String id, String name, String hashKey) {
		return Table.Builder.create(this, id)
			.tableName(name)
			.partitionKey(stringAttribute(hashKey))
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.encryption(TableEncryption.AWS_MANAGED)
			.pointInTimeRecoverySpecification(pointInTimeRecovery())
			.deletionProtection(true)
			.removalPolicy(RemovalPolicy.RETAIN);
	}

	static Attribute stringAttribute(String name) {
		return Attribute.builder().name(name).type(AttributeType.STRING).build();
	}

	static PointInTimeRecoverySpecification pointInTimeRecovery() {
		return PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build();
	}

	public Table inventory() {
		return inventory;
	}

	public Table alertLog() {
		return alertLog;
	}

	public Table thresholds() {
		return thresholds;
	}

	public Table uploads() {
		return uploads;
	}

}
