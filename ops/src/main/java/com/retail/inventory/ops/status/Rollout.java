package com.retail.inventory.ops.status;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.List;
import java.util.Objects;

/**
 * Where a Deployment's rollout stands, decided as {@code kubectl rollout status} decides
 * it.
 */
public enum Rollout {

	/** Every replica runs the current template and is available. */
	COMPLETE,

	/** New replicas are coming up or old ones going away. */
	PROGRESSING,

	/**
	 * The rollout made no progress within the Deployment's
	 * {@code progressDeadlineSeconds} (condition Progressing, reason
	 * ProgressDeadlineExceeded): Kubernetes has given up waiting.
	 */
	STALLED,

	/** No Deployment of that name in the namespace. */
	MISSING;

	static final String DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";

	public static Rollout of(Deployment deployment) {
		if (deployment == null) {
			return MISSING;
		}
		DeploymentStatus status = deployment.getStatus();
		if (status == null) {
			return PROGRESSING;
		}
		Long generation = deployment.getMetadata().getGeneration();
		if (generation != null && status.getObservedGeneration() != null
				&& status.getObservedGeneration() < generation) {
			// The controller has not seen the newest spec yet: counts below describe the
			// old one.
			return PROGRESSING;
		}
		List<DeploymentCondition> conditions = Objects.requireNonNullElse(status.getConditions(), List.of());
		if (conditions.stream()
			.anyMatch((c) -> "Progressing".equals(c.getType()) && DEADLINE_EXCEEDED.equals(c.getReason()))) {
			return STALLED;
		}
		int desired = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
		int updated = count(status.getUpdatedReplicas());
		int total = count(status.getReplicas());
		int available = count(status.getAvailableReplicas());
		if (updated < desired || total > updated || available < updated) {
			return PROGRESSING;
		}
		return COMPLETE;
	}

	static int count(Integer replicas) {
		return (replicas != null) ? replicas : 0;
	}

}
