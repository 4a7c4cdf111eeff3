package com.retail.inventory.infra.data;

import com.retail.inventory.contracts.AlertLogTable;
import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.contracts.InventoryTable;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.kinesis.IStream;
import software.constructs.Construct;

/**
 * The business tables: {@code Inventory} (current count per store and item, streaming
 * every change to the changes stream) and {@code InventoryAlertLog} (alerts already sent,
 * expiring by TTL).
 *
 * <p>
 * On-demand billing: the load is a burst per upload and nothing in between. Both keep
 * point-in-time recovery (35 days) and deletion protection: they are the platform's
 * state.
 */
public final class InventoryTables extends Construct {

	private final Table inventory;

	private final Table alertLog;

	public InventoryTables(Construct scope, String id, InventoryResources names, IStream changesStream) {
		super(scope, id);
		// Only key attributes are declared; Count (N) is an ordinary attribute, DynamoDB
		// has no schema for it.
		this.inventory = Table.Builder.create(this, "Inventory")
			.tableName(names.inventoryTable())
			.partitionKey(stringAttribute(InventoryTable.STORE))
			.sortKey(stringAttribute(InventoryTable.ITEM))
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.encryption(TableEncryption.AWS_MANAGED)
			.pointInTimeRecoverySpecification(pointInTimeRecovery())
			.deletionProtection(true)
			.removalPolicy(RemovalPolicy.RETAIN)
			// Kinesis Data Streams for DynamoDB: every item change is written to the
			// changes stream.
			.kinesisStream(changesStream)
			.build();

		this.alertLog = Table.Builder.create(this, "AlertLog")
			.tableName(names.alertLogTable())
			.partitionKey(stringAttribute(AlertLogTable.ALERT_ID))
			.timeToLiveAttribute(AlertLogTable.EXPIRES_AT)
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.encryption(TableEncryption.AWS_MANAGED)
			.pointInTimeRecoverySpecification(pointInTimeRecovery())
			.deletionProtection(true)
			.removalPolicy(RemovalPolicy.RETAIN)
			.build();
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

}
