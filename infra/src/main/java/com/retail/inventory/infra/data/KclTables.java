package com.retail.inventory.infra.data;

import com.retail.inventory.contracts.LeaseTableAttributes;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/**
 * One consumer group's Kinesis Client Library tables (the binder's KCL mode, KCL 3.1.2):
 * leases (one item per shard: its owner and the group's checkpoint), coordinator state
 * (leader election and KCL's migration state) and worker metrics (each worker's load
 * report, by which the leader balances the leases).
 *
 * <p>
 * KCL creates missing tables (and the lease table's index, with UpdateTable) on start;
 * created here they have known settings, and the services' roles may not create or change
 * tables. Key schema and index are exactly what KCL would create
 * ({@link LeaseTableAttributes}; the local runner creates the same): KCL finds them with
 * DescribeTable and creates nothing.
 *
 * <p>
 * On-demand and encrypted like every table of the platform. Destroyed with the stack, as
 * the binder's checkpoint and lock tables were: they are only meaningful with the
 * streams, whose records are transient (24 h) and which are destroyed with the stack too.
 */
public final class KclTables extends Construct {

	private final Table leases;

	private final Table coordinatorState;

	private final Table workerMetrics;

	public KclTables(Construct scope, String id, String leaseTableName, String coordinatorStateTableName,
			String workerMetricsTableName) {
		super(scope, id);
		this.leases = table("Leases", leaseTableName, LeaseTableAttributes.LEASE_KEY)
			// The checkpoints are the group's state: restoring them after a bad write
			// spares re-reading up to 24 h of records; recovery is cheap for a tiny
			// table.
			.pointInTimeRecoverySpecification(InventoryTables.pointInTimeRecovery())
			.build();
		// KCL 3 lists a worker's leases through this index; without it KCL would add it
		// with UpdateTable, which the roles may not call.
		this.leases.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
			.indexName(LeaseTableAttributes.OWNER_INDEX)
			.partitionKey(InventoryTables.stringAttribute(LeaseTableAttributes.LEASE_OWNER))
			.sortKey(InventoryTables.stringAttribute(LeaseTableAttributes.LEASE_KEY))
			.projectionType(ProjectionType.KEYS_ONLY)
			.build());
		// No point-in-time recovery on the other two: KCL rewrites their items
		// continually (the leader's lock, each worker's load report every few seconds)
		// and writes a missing one again, so a restore would give back nothing worth
		// having.
		this.coordinatorState = table("CoordinatorState", coordinatorStateTableName,
				LeaseTableAttributes.COORDINATOR_STATE_KEY)
			.build();
		this.workerMetrics = table("WorkerMetrics", workerMetricsTableName, LeaseTableAttributes.WORKER_METRICS_KEY)
			.build();
	}

	private Table.Builder table(String id, String name, String hashKey) {
		return Table.Builder.create(this, id)
			.tableName(name)
			.partitionKey(InventoryTables.stringAttribute(hashKey))
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.encryption(TableEncryption.AWS_MANAGED)
			.removalPolicy(RemovalPolicy.DESTROY);
	}

	public Table leases() {
		return leases;
	}

	public Table coordinatorState() {
		return coordinatorState;
	}

	public Table workerMetrics() {
		return workerMetrics;
	}

}
