package com.retail.inventory.ops.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KubernetesStatusTests {

	@Test
	void healthyWhenEveryDeploymentIsReadyAndNotStalled() {
		KubernetesStatus status = new KubernetesStatus("inventory",
				List.of(new DeploymentRow("ingest", 2, 2, 2, 2, Rollout.COMPLETE),
						new DeploymentRow("loader", 3, 3, 1, 3, Rollout.PROGRESSING)),
				List.of(), null);
		assertThat(status.health()).isEqualTo(Health.OK);
		assertThat(status.problems()).isEmpty();
	}

	@Test
	void unhealthyWhenFewerReplicasAreReadyThanDesired() {
		KubernetesStatus status = new KubernetesStatus("inventory",
				List.of(new DeploymentRow("loader", 2, 1, 2, 1, Rollout.PROGRESSING)), List.of(), null);
		assertThat(status.health()).isEqualTo(Health.UNHEALTHY);
		assertThat(status.problems()).containsExactly("deployment loader has 1 of 2 replicas ready");
	}

	@Test
	void unhealthyWhenARolloutStalledOrADeploymentIsMissing() {
		KubernetesStatus status = new KubernetesStatus("inventory",
				List.of(new DeploymentRow("ingest", 1, 1, 0, 1, Rollout.STALLED),
						new DeploymentRow("dashboard", 0, 0, 0, 0, Rollout.MISSING)),
				List.of(), null);
		assertThat(status.problems()).containsExactly("deployment ingest rollout stalled (ProgressDeadlineExceeded)",
				"deployment dashboard does not exist");
	}

	@Test
	void aPausedDeploymentWithNoReplicasIsHealthy() {
		KubernetesStatus status = new KubernetesStatus("inventory",
				List.of(new DeploymentRow("ingest", 0, 0, 0, 0, Rollout.COMPLETE)), List.of(), null);
		assertThat(status.health()).isEqualTo(Health.OK);
	}

	@Test
	void unhealthyWhenKedaSaysAScaledObjectIsNotReady() {
		KubernetesStatus status = new KubernetesStatus("inventory", List.of(), List.of(),
				List.of(new ScaledObjectRow("ingest", "ingest", "False", "False", "ScaledObject doesn't have trigger"),
						new ScaledObjectRow("other", "other", "True", "False", null)));
		assertThat(status.problems())
			.containsExactly("scaledobject ingest is not ready: ScaledObject doesn't have trigger");
	}

	@Test
	void tablesListDeploymentsAutoscalersAndScaledObjects() {
		KubernetesStatus status = new KubernetesStatus("inventory",
				List.of(new DeploymentRow("loader", 2, 1, 2, 1, Rollout.PROGRESSING)),
				List.of(new AutoscalerRow("loader", "loader", 2, 3, null, 4)),
				List.of(new ScaledObjectRow("ingest", "ingest", "True", "False", null)));
		assertThat(status.tables()).hasSize(3);
		assertThat(status.tables().get(0).rows()).containsExactly(List.of("loader", "2", "1", "2", "1", "PROGRESSING"));
		assertThat(status.tables().get(1).rows()).containsExactly(List.of("loader", "loader", "2", "3", "1", "4"));
		assertThat(status.tables().get(2).rows()).containsExactly(List.of("ingest", "ingest", "True", "False"));
	}

}
