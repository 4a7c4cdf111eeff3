package com.retail.inventory.ops.replay;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One replay at a time per release: a {@code coordination.k8s.io/v1} Lease named
 * {@value #NAME} in the release's namespace, held while a replay scales a consumer down
 * and moves its checkpoints (two at once would record each other's zero as the replica
 * count to restore). Renewed in the background; an expired lease (its holder died) may be
 * taken over. Writes are conditional on the Lease's resourceVersion, so two operators
 * racing for it cannot both win.
 */
public final class ReplayLease implements AutoCloseable {

	public static final String NAME = "inventory-replay";

	/**
	 * Long enough to survive a slow API call, short enough to take over soon after a
	 * crash.
	 */
	static final Duration DURATION = Duration.ofSeconds(60);

	private final KubernetesClient client;

	private final String namespace;

	private final String holder;

	private final Clock clock;

	private ScheduledExecutorService renewal;

	public ReplayLease(KubernetesClient client, String namespace, String holder, Clock clock) {
		this.client = client;
		this.namespace = namespace;
		this.holder = holder;
		this.clock = clock;
	}

	/** {@code alice@laptop pid 4711}: who runs this process. */
	public static String thisProcess() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		return System.getProperty("user.name") + "@" + host + " pid " + ProcessHandle.current().pid();
	}

	/**
	 * Takes the Lease and starts renewing it.
	 * @throws ReplayRefusedException when someone else holds it and it has not expired
	 */
	public ReplayLease acquire() {
		Resource<Lease> resource = resource();
		Lease current = resource.get();
		Instant now = this.clock.instant();
		try {
			if (current == null) {
				resource.create(new LeaseBuilder().withNewMetadata()
					.withName(NAME)
					.withNamespace(this.namespace)
					.endMetadata()
					.withNewSpec()
					.withHolderIdentity(this.holder)
					.withLeaseDurationSeconds((int) DURATION.toSeconds())
					.withAcquireTime(microTime(now))
					.withRenewTime(microTime(now))
					.withLeaseTransitions(0)
					.endSpec()
					.build());
			}
			else {
				refuseIfHeld(current, now);
				int transitions = (current.getSpec().getLeaseTransitions() != null)
						? current.getSpec().getLeaseTransitions() : 0;
				// update() sends the resourceVersion read above: a concurrent taker
				// fails.
				this.client
					.resource(new LeaseBuilder(current).editSpec()
						.withHolderIdentity(this.holder)
						.withLeaseDurationSeconds((int) DURATION.toSeconds())
						.withAcquireTime(microTime(now))
						.withRenewTime(microTime(now))
						.withLeaseTransitions(transitions + 1)
						.endSpec()
						.build())
					.update();
			}
		}
		catch (KubernetesClientException ex) {
			if (ex.getCode() == 409) {
				Lease winner = resource.get();
				if (winner != null) {
					refuseIfHeld(winner, this.clock.instant());
				}
			}
			throw ex;
		}
		this.renewal = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "replay-lease-renewal");
			thread.setDaemon(true);
			return thread;
		});
		long period = DURATION.toMillis() / 3;
		this.renewal.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
		return this;
	}

	private void refuseIfHeld(Lease lease, Instant now) {
		String other = lease.getSpec().getHolderIdentity();
		if (other == null || other.isEmpty() || other.equals(this.holder)) {
			return;
		}
		Instant renewed = instant(lease.getSpec().getRenewTime(), instant(lease.getSpec().getAcquireTime(), null));
		int seconds = (lease.getSpec().getLeaseDurationSeconds() != null) ? lease.getSpec().getLeaseDurationSeconds()
				: 0;
		if (renewed != null && renewed.plusSeconds(seconds).isAfter(now)) {
			Instant since = instant(lease.getSpec().getAcquireTime(), renewed);
			throw new ReplayRefusedException("another replay is running: Lease " + this.namespace + "/" + NAME
					+ " is held by " + other + " since " + since + " (renewed " + renewed + ", expires after " + seconds
					+ "s without renewal)");
		}
	}

	/** Keeps the Lease while the replay waits for pods or reads shards. */
	void renew() {
		try {
			resource().edit((lease) -> {
				if (this.holder.equals(lease.getSpec().getHolderIdentity())) {
					lease.getSpec().setRenewTime(microTime(this.clock.instant()));
				}
				return lease;
			});
		}
		catch (KubernetesClientException ex) {
			// A missed renewal is retried at the next period; the lease lasts three.
		}
	}

	/** Stops renewing and deletes the Lease if this process still holds it. */
	@Override
	public void close() {
		if (this.renewal != null) {
			this.renewal.shutdownNow();
		}
		Lease current = resource().get();
		if (current != null && this.holder.equals(current.getSpec().getHolderIdentity())) {
			// Delete only this version: had someone taken over, theirs stays.
			this.client.resource(current).lockResourceVersion(current.getMetadata().getResourceVersion()).delete();
		}
	}

	private Resource<Lease> resource() {
		return this.client.leases().inNamespace(this.namespace).withName(NAME);
	}

	/** Kubernetes keeps MicroTime: microseconds, UTC. */
	static ZonedDateTime microTime(Instant instant) {
		return instant.atZone(ZoneOffset.UTC).withNano((instant.getNano() / 1000) * 1000);
	}

	private static Instant instant(ZonedDateTime time, Instant otherwise) {
		return (time != null) ? time.toInstant() : otherwise;
	}

}
