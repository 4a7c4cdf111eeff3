package com.retail.inventory.contracts;

import io.awspring.cloud.kinesis.integration.KclMessageDrivenChannelAdapter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How a consumer group runs the Kinesis Client Library (the binder's KCL mode): which
 * tables hold its leases (pre-provisioned by infra/ and the local runner, named in
 * {@code inventory-resources.properties}), how fast a lease of a stopped instance moves
 * on, and whether a lease moves between instances gracefully.
 *
 * <p>
 * During a graceful hand-off KCL asks the record processor to shut down, and the binder's
 * processor then checkpoints at the last record it was given
 * (KclMessageDrivenChannelAdapter.shutdownRequested). That is right only for a consumer
 * that returns from a batch once the batch is durable (the loader). A consumer that
 * collects records and handles them later (stock-alert's digest window) must not use it:
 * its lease moves without a last checkpoint, the new owner reads again from the
 * consumer's own last checkpoint, and records are handled twice, never lost.
 *
 * @param leaseTable one item per shard: owner and checkpoint (LeaseTableAttributes)
 * @param coordinatorStateTable KCL 3's leader election and migration state
 * @param workerMetricsTable KCL 3's per-worker load reports, by which it balances leases
 * ({@link LeaseShareWorkerMetric})
 * @param failover a lease not renewed this long is taken over (KCL's failoverTimeMillis;
 * its lease assignment, each worker's load report and the pause after a shard sync use
 * the same period)
 * @param gracefulHandoff whether a moving lease waits for the current batch to end (see
 * above)
 */
public record KclLeases(String leaseTable, String coordinatorStateTable, String workerMetricsTable, Duration failover,
		boolean gracefulHandoff) {

	/**
	 * Applies these settings to the binder's KCL adapter of a binding.
	 * @param dynamoDb reads the lease table for the load report
	 * ({@link LeaseShareWorkerMetric})
	 */
	public void applyTo(KclMessageDrivenChannelAdapter adapter, DynamoDbClient dynamoDb) {
		adapter.setLeaseTableName(this.leaseTable);
		adapter.setLeaseManagementConfigCustomizer((config) -> {
			config.failoverTimeMillis(this.failover.toMillis());
			// KCL pauses this long after each shard sync, including the one at start (by
			// default a minute before the first lease can be assigned).
			config.shardSyncIntervalMillis(this.failover.toMillis());
			config.gracefulLeaseHandoffConfig().isGracefulLeaseHandoffEnabled(this.gracefulHandoff);
			config.workerUtilizationAwareAssignmentConfig()
				.workerMetricsTableConfig()
				.tableName(this.workerMetricsTable);
			config.workerUtilizationAwareAssignmentConfig()
				// A worker's load report is also how the lease assignment learns that it
				// exists: without one, no lease (by default 30 s after start).
				.workerMetricsReporterFreqInMillis(this.failover.toMillis())
				// The load KCL balances the leases by: leases held beyond the fair share.
				.workerMetricList(List.of(new LeaseShareWorkerMetric(dynamoDb, this.leaseTable, this.workerMetricsTable,
						config.workerIdentifier(), this.failover.dividedBy(2), Clock.systemUTC())))
				// Only the latest report counts: KCL averages the stored reports, and the
				// past
				// excess of a worker that had already given leases away made it take one
				// more
				// from it (2/2 became 1/3).
				.noOfPersistedMetricsPerWorkerMetrics(1);
		});
		adapter.setCoordinatorConfigCustomizer(
				(config) -> config.coordinatorStateTableConfig().tableName(this.coordinatorStateTable));
	}

}
