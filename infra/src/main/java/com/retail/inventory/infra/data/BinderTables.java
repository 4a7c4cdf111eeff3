package com.retail.inventory.infra.data;

import com.retail.inventory.contracts.BinderTableAttributes;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/**
 * One consumer group's Kinesis binder tables: shard checkpoints (the binder's
 * DynamoDbMetadataStore) and shard locks (its DynamoDbLockRepository). The binder creates
 * them on first start when they are missing, with its own settings and needing
 * dynamodb:CreateTable; created here they have known settings, and the services' roles
 * are not allowed to create tables.
 *
 * <p>
 * Key schema and TTL are exactly what the binder would create: a string hash key, TTL on
 * the lock table only (an expired lock can be taken over; checkpoints never expire unless
 * the binder is told to).
 */
public final class BinderTables extends Construct {

	private final Table checkpoints;

	private final Table locks;

	public BinderTables(Construct scope, String id, String checkpointTableName, String lockTableName) {
		super(scope, id);
		this.checkpoints = Table.Builder.create(this, "Checkpoints")
			.tableName(checkpointTableName)
			.partitionKey(InventoryTables.stringAttribute(BinderTableAttributes.CHECKPOINT))
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.encryption(TableEncryption.AWS_MANAGED)
			// Losing checkpoints means re-reading up to 24 h of records; recovery is
			// cheap for a tiny table.
			.pointInTimeRecoverySpecification(InventoryTables.pointInTimeRecovery())
			// Only meaningful with the streams, which are themselves transient.
			.removalPolicy(RemovalPolicy.DESTROY)
			.build();
		this.locks = Table.Builder.create(this, "Locks")
			.tableName(lockTableName)
			.partitionKey(InventoryTables.stringAttribute(BinderTableAttributes.LOCK))
			.timeToLiveAttribute(BinderTableAttributes.LOCK_EXPIRES_AT)
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.encryption(TableEncryption.AWS_MANAGED)
			.pointInTimeRecoverySpecification(InventoryTables.pointInTimeRecovery())
			.removalPolicy(RemovalPolicy.DESTROY)
			.build();
	}

	public Table checkpoints() {
		return checkpoints;
	}

	public Table locks() {
		return locks;
	}

}
