package com.retail.inventory.ops.replay;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits until no pod of a Deployment is left, terminating ones included: a terminating
 * KCL worker still checkpoints while it shuts down, and would overwrite a checkpoint
 * moved before it stopped. Pods are found by the Deployment's selector, as its
 * ReplicaSets find them.
 */
public final class PodsGone {

	private static final Duration POLL = Duration.ofMillis(500);

	private final KubernetesClient client;

	private final String namespace;

	private final Clock clock;

	public PodsGone(KubernetesClient client, String namespace, Clock clock) {
		this.client = client;
		this.namespace = namespace;
		this.clock = clock;
	}

	/**
	 * @throws ReplayRefusedException when pods are left after the timeout
	 */
	public void await(String deployment, LabelSelector selector, Duration timeout) {
		Instant deadline = this.clock.instant().plus(timeout);
		while (true) {
			int left = this.client.pods()
				.inNamespace(this.namespace)
				.withLabelSelector(selector)
				.list()
				.getItems()
				.size();
			if (left == 0) {
				return;
			}
			if (!this.clock.instant().isBefore(deadline)) {
				throw new ReplayRefusedException(left + " pod(s) of deployment " + deployment + " still there after "
						+ timeout.toSeconds() + "s; no checkpoint was changed, the deployment is scaled back");
			}
			try {
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ReplayRefusedException("interrupted while waiting for the pods of " + deployment);
			}
		}
	}

}
