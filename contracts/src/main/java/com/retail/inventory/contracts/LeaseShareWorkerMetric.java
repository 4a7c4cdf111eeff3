package com.retail.inventory.contracts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.kinesis.worker.metric.OperatingRange;
import software.amazon.kinesis.worker.metric.WorkerMetric;
import software.amazon.kinesis.worker.metric.WorkerMetricType;

/**
 * The load report by which KCL 3 balances a consumer group's leases between its workers:
 * how many leases this worker holds beyond its fair share (the group's leases divided by
 * its workers, rounded up; a worker counts while it reports to the worker metrics table),
 * as a percentage of the group's leases. A worker at or below its share reports 0; KCL's
 * lease assignment moves leases away from a worker reporting more than the others until
 * every worker holds its share: balanced within one lease.
 *
 * <p>
 * Why not KCL's own CPU metric: KCL picks one only where it recognises the platform (EC2
 * through the instance metadata, which the nodes block for pods; ECS; EKS by a mounted
 * service-account token, which the chart does not mount), and reports nothing elsewhere,
 * locally among them; without a report it never moves a lease to a worker that starts
 * later. And CPU is noise while the shards are quiet. The shards of a stream carry about
 * the same load (partition keys are store and item), so an even count is an even load.
 *
 * <p>
 * Cost: one Scan each of the (small) lease and worker metrics tables per worker every
 * {@code refresh}.
 */
public final class LeaseShareWorkerMetric implements WorkerMetric {

	private final DynamoDbClient dynamoDb;

	private final String leaseTable;

	private final String workerMetricsTable;

	private final String workerId;

	private final Duration refresh;

	private final Clock clock;

	private Instant readAt = Instant.MIN;

	private double value;

	/**
	 * @param refresh how long a reading is reused; also, a worker whose last report is
	 * older than six of these is gone
	 */
	public LeaseShareWorkerMetric(DynamoDbClient dynamoDb, String leaseTable, String workerMetricsTable,
			String workerId, Duration refresh, Clock clock) {
		this.dynamoDb = dynamoDb;
		this.leaseTable = leaseTable;
		this.workerMetricsTable = workerMetricsTable;
		this.workerId = workerId;
		this.refresh = refresh;
		this.clock = clock;
	}

	/**
	 * The report for one worker, given the owner of every lease of the group.
	 * @param owners each lease's owner (null: nobody holds it)
	 * @param activeWorkers the workers reporting (this one is counted in any case)
	 * @return 0 at or below the fair share, else the excess leases as a percentage of all
	 */
	static double excessShare(List<String> owners, Set<String> activeWorkers, String workerId) {
		if (owners.isEmpty()) {
			return 0;
		}
		Set<String> workers = new HashSet<>(activeWorkers);
		workers.add(workerId);
		int fairShare = (owners.size() + workers.size() - 1) / workers.size();
		long held = owners.stream().filter(workerId::equals).count();
		return 100.0 * Math.max(0, held - fairShare) / owners.size();
	}

	@Override
	public String getShortName() {
		// Stored as KCL's CPU metric would be: the one kind its assignment balances by.
		return WorkerMetricType.CPU.getShortName();
	}

	@Override
	public synchronized WorkerMetricValue capture() {
		Instant now = this.clock.instant();
		if (now.isAfter(this.readAt.plus(this.refresh))) {
			List<String> owners = this.dynamoDb
				.scan((b) -> b.tableName(this.leaseTable)
					.projectionExpression(LeaseTableAttributes.LEASE_KEY + ", " + LeaseTableAttributes.LEASE_OWNER))
				.items()
				.stream()
				.map(LeaseShareWorkerMetric::owner)
				.toList();
			this.value = excessShare(owners, activeWorkers(now), this.workerId);
			this.readAt = now;
		}
		return WorkerMetricValue.builder().value(this.value).build();
	}

	private Set<String> activeWorkers(Instant now) {
		long since = now.minus(this.refresh.multipliedBy(6)).getEpochSecond();
		Set<String> workers = new HashSet<>();
		this.dynamoDb.scan((b) -> b.tableName(this.workerMetricsTable))
			.items()
			.stream()
			.filter((report) -> report.containsKey(LeaseTableAttributes.WORKER_METRICS_LAST_UPDATE)
					&& Long.parseLong(report.get(LeaseTableAttributes.WORKER_METRICS_LAST_UPDATE).n()) >= since)
			.forEach((report) -> workers.add(report.get(LeaseTableAttributes.WORKER_METRICS_KEY).s()));
		return workers;
	}

	private static String owner(Map<String, AttributeValue> lease) {
		AttributeValue owner = lease.get(LeaseTableAttributes.LEASE_OWNER);
		return (owner != null) ? owner.s() : null;
	}

	@Override
	public OperatingRange getOperatingRange() {
		return OperatingRange.builder().maxUtilization(100).build();
	}

	@Override
	public WorkerMetricType getWorkerMetricType() {
		return WorkerMetricType.CPU;
	}

}
