package com.retail.inventory.ops.status;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Objects;

/**
 * One component's Deployment.
 *
 * @param name the component, which is also the Deployment's name in the chart
 * @param desired {@code spec.replicas}
 * @param ready pods passing their readiness probe
 * @param updated pods running the current template
 * @param available pods ready for at least {@code minReadySeconds}
 * @param rollout where the rollout stands
 */
public record DeploymentRow(String name, int desired, int ready, int updated, int available, Rollout rollout) {

	public static DeploymentRow of(String name, Deployment deployment) {
		if (deployment == null) {
			return new DeploymentRow(name, 0, 0, 0, 0, Rollout.MISSING);
		}
		int desired = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
		var status = deployment.getStatus();
		if (status == null) {
			return new DeploymentRow(name, desired, 0, 0, 0, Rollout.of(deployment));
		}
		return new DeploymentRow(name, desired, Rollout.count(status.getReadyReplicas()),
				Rollout.count(status.getUpdatedReplicas()), Rollout.count(status.getAvailableReplicas()),
				Rollout.of(deployment));
	}

	/** Why this Deployment is unhealthy, or null when it is not. */
	public String problem() {
		return switch (this.rollout) {
			case MISSING -> "deployment " + this.name + " does not exist";
			case STALLED -> "deployment " + this.name + " rollout stalled (" + Rollout.DEADLINE_EXCEEDED + ")";
			default -> (this.ready < this.desired)
					? "deployment " + this.name + " has " + this.ready + " of " + this.desired + " replicas ready"
					: null;
		};
	}

}
