package com.retail.inventory.ops.replay;

import com.retail.inventory.ops.leases.LeaseTable;
import com.retail.inventory.ops.leases.ShardLease;
import com.retail.inventory.ops.scale.DeploymentPause;
import com.retail.inventory.ops.scale.PausedReplicas;
import com.retail.inventory.ops.scale.ScaleChange;
import com.retail.inventory.ops.status.ConsumerGroup;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Replays a consumer group from a time: under the {@link ReplayLease}, finds each shard's
 * new checkpoint, pauses the group's Deployment ({@link DeploymentPause}, as
 * {@code pause} does), waits for its pods to be gone, moves the checkpoints in the lease
 * table and resumes the Deployment. The Deployment is resumed and the Lease released
 * whatever fails.
 *
 * <p>
 * The new checkpoints are found before the Deployment stops, so the consumer is down only
 * for its pods' shutdown and a few writes. A Deployment paused already (by {@code pause})
 * stays paused: its checkpoints are moved for when it is resumed.
 */
public final class Replay {

	/** Asks the operator before anything changes. */
	@FunctionalInterface
	public interface Confirmation {

		boolean confirm(String question);

	}

	private final KubernetesClient kubernetes;

	private final String namespace;

	private final KinesisClient kinesis;

	private final DynamoDbClient dynamoDb;

	private final ConsumerGroup group;

	private final Clock clock;

	private final PrintWriter out;

	public Replay(KubernetesClient kubernetes, String namespace, KinesisClient kinesis, DynamoDbClient dynamoDb,
			ConsumerGroup group, Clock clock, PrintWriter out) {
		this.kubernetes = kubernetes;
		this.namespace = namespace;
		this.kinesis = kinesis;
		this.dynamoDb = dynamoDb;
		this.group = group;
		this.clock = clock;
		this.out = out;
	}

	/**
	 * @param holder who takes the Lease ({@link ReplayLease#thisProcess()})
	 * @return the exit code: 0 every lease moved (or had none), 1 declined or a lease
	 * changed meanwhile and was left as it was
	 * @throws ReplayRefusedException another replay runs, the Deployment is missing, its
	 * pods did not stop in time (exit code 2)
	 */
	public int run(StartPosition from, Duration timeout, boolean dryRun, Confirmation confirmation, String holder) {
		return dryRun ? dryRun(from) : replay(from, timeout, confirmation, holder);
	}

	private int dryRun(StartPosition from) {
		List<CheckpointChange> plan = mover().move(targets(from), leases(), true);
		this.out.println("Dry run: deployment " + this.group.deployment() + " would be stopped, the checkpoints of "
				+ this.group.group() + " moved to " + from + " (old → new), and the deployment started again:");
		plan.forEach((change) -> this.out.println("  " + change.line()));
		return 0;
	}

	private int replay(StartPosition from, Duration timeout, Confirmation confirmation, String holder) {
		try (ReplayLease lease = new ReplayLease(this.kubernetes, this.namespace, holder, this.clock).acquire()) {
			Map<String, String> targets = targets(from);
			this.out.println("Replay of " + this.group.group() + " from " + from + " (stream " + this.group.stream()
					+ ", lease table " + this.group.leaseTable() + "), old → new:");
			mover().move(targets, leases(), true).forEach((change) -> this.out.println("  " + change.line()));
			this.out.flush();
			if (!confirmation.confirm("Stop deployment " + this.group.deployment() + " in " + this.namespace
					+ ", move these checkpoints and start it again?")) {
				this.out.println("Nothing changed.");
				return 1;
			}
			List<CheckpointChange> changes = whilePaused(targets, timeout);
			this.out.println("Checkpoints of " + this.group.group() + " (old → new):");
			changes.forEach((change) -> this.out.println("  " + change.line()));
			return changes.stream().anyMatch((c) -> c.outcome() == CheckpointChange.Outcome.CHANGED_MEANWHILE) ? 1 : 0;
		}
	}

	private List<CheckpointChange> whilePaused(Map<String, String> targets, Duration timeout) {
		String name = this.group.deployment();
		Deployment deployment = this.kubernetes.apps().deployments().inNamespace(this.namespace).withName(name).get();
		if (deployment == null) {
			throw new ReplayRefusedException(
					"deployment " + name + " does not exist in namespace " + this.namespace + " (see --namespace)");
		}
		DeploymentPause pause = new DeploymentPause(this.kubernetes, this.namespace);
		Integer pausedBefore = PausedReplicas.of(deployment.getMetadata().getAnnotations());
		ScaleChange paused = null;
		try {
			if (pausedBefore != null) {
				this.out.println("deployment " + name + " is paused already (" + PausedReplicas.ANNOTATION + "="
						+ pausedBefore + "): it stays paused");
			}
			else {
				paused = pause.pause(name);
				this.out
					.println("scaled deployment " + name + " from " + paused.from() + " to 0, waiting for its pods");
			}
			this.out.flush();
			new PodsGone(this.kubernetes, this.namespace, this.clock).await(name, deployment.getSpec().getSelector(),
					timeout);
			// Read again now that no worker can checkpoint: each write is conditional on
			// this state.
			return mover().move(targets, leases(), false);
		}
		finally {
			if (paused != null) {
				ScaleChange resumed = pause.resume(name);
				this.out.println("scaled deployment " + name + " back to " + resumed.to());
				this.out.flush();
			}
		}
	}

	private Map<String, String> targets(StartPosition from) {
		ShardPositionFinder finder = new ShardPositionFinder(this.kinesis, this.group.stream(), this.clock);
		Map<String, String> targets = new LinkedHashMap<>();
		for (String shard : finder.shards()) {
			targets.put(shard, finder.checkpointFor(shard, from));
		}
		return targets;
	}

	private Map<String, ShardLease> leases() {
		return new LeaseTable(this.dynamoDb, this.group.leaseTable()).read();
	}

	private CheckpointMover mover() {
		return new CheckpointMover(this.dynamoDb, this.group.leaseTable());
	}

}
