package com.retail.inventory.ops.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import org.junit.jupiter.api.Test;

class RolloutTests {

	@Test
	void completeWhenEveryReplicaIsUpdatedAndAvailable() {
		assertThat(Rollout.of(deployment(2, 2, 2, 2, 2))).isEqualTo(Rollout.COMPLETE);
	}

	@Test
	void progressingWhileReplicasAreNotUpdatedOrOldOnesRemain() {
		assertThat(Rollout.of(deployment(3, 3, 1, 3, 3))).isEqualTo(Rollout.PROGRESSING);
		assertThat(Rollout.of(deployment(2, 3, 2, 2, 2))).isEqualTo(Rollout.PROGRESSING);
		assertThat(Rollout.of(deployment(2, 2, 2, 1, 1))).isEqualTo(Rollout.PROGRESSING);
	}

	@Test
	void progressingWhileTheControllerHasNotObservedTheNewestSpec() {
		Deployment deployment = new DeploymentBuilder(deployment(1, 1, 1, 1, 1)).editMetadata()
			.withGeneration(3L)
			.endMetadata()
			.editStatus()
			.withObservedGeneration(2L)
			.endStatus()
			.build();
		assertThat(Rollout.of(deployment)).isEqualTo(Rollout.PROGRESSING);
	}

	@Test
	void stalledWhenTheProgressDeadlineIsExceeded() {
		Deployment deployment = new DeploymentBuilder(deployment(2, 2, 1, 1, 1)).editStatus()
			.withConditions(new DeploymentConditionBuilder().withType("Progressing")
				.withStatus("False")
				.withReason("ProgressDeadlineExceeded")
				.build())
			.endStatus()
			.build();
		assertThat(Rollout.of(deployment)).isEqualTo(Rollout.STALLED);
	}

	@Test
	void missingWithoutADeployment() {
		assertThat(Rollout.of(null)).isEqualTo(Rollout.MISSING);
	}

	static Deployment deployment(int desired, int total, int updated, int available, int ready) {
		return new DeploymentBuilder().withNewMetadata()
			.withName("loader")
			.endMetadata()
			.withNewSpec()
			.withReplicas(desired)
			.endSpec()
			.withNewStatus()
			.withReplicas(total)
			.withUpdatedReplicas(updated)
			.withAvailableReplicas(available)
			.withReadyReplicas(ready)
			.endStatus()
			.build();
	}

}
