package com.retail.inventory.contracts;

/**
 * Attributes of a Kinesis Client Library lease table (the binder's KCL mode, KCL 3.1.2):
 * one item per shard a consumer group reads, holding the group's checkpoint and the
 * worker that holds the shard. The names are KCL's, fixed by
 * {@code software.amazon.kinesis.leases.dynamodb.DynamoDBLeaseSerializer} (checked with
 * {@code javap -constants} against amazon-kinesis-client 3.1.2); stated here so the ops
 * command line and tests read and write the items as KCL does.
 */
public final class LeaseTableAttributes {

	/**
	 * Hash key (S): the shard id in single-stream mode ({@code shardId-000000000000}).
	 */
	public static final String LEASE_KEY = "leaseKey";

	/**
	 * The checkpoint (S): the last processed sequence number, or one of the sentinels
	 * below.
	 */
	public static final String CHECKPOINT = "checkpoint";

	/** Sub-sequence number (N) of the checkpoint; 0 for records not aggregated by KPL. */
	public static final String CHECKPOINT_SUB_SEQUENCE_NUMBER = "checkpointSubSequenceNumber";

	/** The worker holding the lease (S): the binder's worker id, a pod's name. */
	public static final String LEASE_OWNER = "leaseOwner";

	/**
	 * Incremented (N) by every write of the lease; KCL's writes are conditional on it.
	 */
	public static final String LEASE_COUNTER = "leaseCounter";

	/** How often the lease changed owner since the last checkpoint (N). */
	public static final String OWNER_SWITCHES_SINCE_CHECKPOINT = "ownerSwitchesSinceCheckpoint";

	/** A checkpoint prepared but not yet committed (S). */
	public static final String PENDING_CHECKPOINT = "pendingCheckpoint";

	/** Sub-sequence number (N) of the pending checkpoint. */
	public static final String PENDING_CHECKPOINT_SUB_SEQUENCE_NUMBER = "pendingCheckpointSubSequenceNumber";

	/** Application state (B) stored with the pending checkpoint. */
	public static final String PENDING_CHECKPOINT_STATE = "pendingCheckpointState";

	/** The worker a lease is being handed over to gracefully (S, KCL 3). */
	public static final String CHECKPOINT_OWNER = "checkpointOwner";

	/** Sentinel checkpoint: start at the oldest record the shard still has. */
	public static final String TRIM_HORIZON = "TRIM_HORIZON";

	/** Sentinel checkpoint: start with records arriving after the worker starts. */
	public static final String LATEST = "LATEST";

	/** Sentinel checkpoint: start at the initial position's timestamp. */
	public static final String AT_TIMESTAMP = "AT_TIMESTAMP";

	/** Sentinel checkpoint: the shard is closed and fully processed. */
	public static final String SHARD_END = "SHARD_END";

	/**
	 * KCL 3's index of the lease table by owner (hash {@link #LEASE_OWNER}, range
	 * {@link #LEASE_KEY}, keys only; DynamoDBLeaseRefresher): pre-created, or KCL would
	 * add it with UpdateTable.
	 */
	public static final String OWNER_INDEX = "LeaseOwnerToLeaseKeyIndex";

	/** Hash key (S) of KCL 3's coordinator state table (CoordinatorState). */
	public static final String COORDINATOR_STATE_KEY = "key";

	/**
	 * Hash key (S) of KCL 3's worker metrics table: the worker id (WorkerMetricStats).
	 */
	public static final String WORKER_METRICS_KEY = "wid";

	/**
	 * When a worker last reported (N, epoch seconds) in the worker metrics table
	 * (WorkerMetricStats): a worker that stopped reporting is gone.
	 */
	public static final String WORKER_METRICS_LAST_UPDATE = "lut";

	private LeaseTableAttributes() {
	}

}
