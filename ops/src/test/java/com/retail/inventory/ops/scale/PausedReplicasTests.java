package com.retail.inventory.ops.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PausedReplicasTests {

	@Test
	void readsTheRecordedCount() {
		assertThat(PausedReplicas.of(Map.of(PausedReplicas.ANNOTATION, "3"))).isEqualTo(3);
		assertThat(PausedReplicas.of(Map.of(PausedReplicas.ANNOTATION, "0"))).isZero();
		assertThat(PausedReplicas.of(Map.of("other", "1"))).isNull();
		assertThat(PausedReplicas.of(null)).isNull();
	}

	@Test
	void aValueThatIsNoCountIsRefused() {
		assertThatExceptionOfType(PauseRefusedException.class)
			.isThrownBy(() -> PausedReplicas.of(Map.of(PausedReplicas.ANNOTATION, "three")))
			.withMessageContaining("'three', not a replica count");
		assertThatExceptionOfType(PauseRefusedException.class)
			.isThrownBy(() -> PausedReplicas.of(Map.of(PausedReplicas.ANNOTATION, "-1")));
	}

	@Test
	void aScaledObjectTargetsADeploymentByNameWithKindDeploymentOrNone() {
		assertThat(DeploymentPause.targets(scaledObject(Map.of("name", "ingest")), "ingest")).isTrue();
		assertThat(DeploymentPause.targets(scaledObject(Map.of("name", "ingest", "kind", "Deployment")), "ingest"))
			.isTrue();
		assertThat(DeploymentPause.targets(scaledObject(Map.of("name", "ingest", "kind", "StatefulSet")), "ingest"))
			.isFalse();
		assertThat(DeploymentPause.targets(scaledObject(Map.of("name", "loader")), "ingest")).isFalse();
		assertThat(DeploymentPause.targets(new GenericKubernetesResourceBuilder().build(), "ingest")).isFalse();
	}

	private static GenericKubernetesResource scaledObject(Map<String, String> target) {
		return new GenericKubernetesResourceBuilder()
			.addToAdditionalProperties("spec", Map.of("scaleTargetRef", target))
			.build();
	}

}
