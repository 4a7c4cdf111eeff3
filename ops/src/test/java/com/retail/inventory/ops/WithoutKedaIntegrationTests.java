package com.retail.inventory.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.ops.status.Health;
import com.retail.inventory.ops.status.KubernetesSection;
import com.retail.inventory.ops.status.KubernetesStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

/**
 * A cluster without KEDA: the mock server in expectation mode answers 404 for the
 * ScaledObject resource, as an API server does when the CRD is not installed.
 */
@EnableKubernetesMockClient
class WithoutKedaIntegrationTests {

	static KubernetesMockServer server;

	static KubernetesClient client;

	@Test
	void anAbsentScaledObjectCrdIsSkippedQuietly() {
		for (String name : KubernetesSection.COMPONENTS) {
			server.expect()
				.get()
				.withPath("/apis/apps/v1/namespaces/inventory/deployments/" + name)
				.andReturn(200,
						new DeploymentBuilder().withNewMetadata()
							.withName(name)
							.endMetadata()
							.withNewSpec()
							.withReplicas(1)
							.endSpec()
							.withNewStatus()
							.withReplicas(1)
							.withReadyReplicas(1)
							.withUpdatedReplicas(1)
							.withAvailableReplicas(1)
							.endStatus()
							.build())
				.always();
		}
		server.expect()
			.get()
			.withPath("/apis/autoscaling/v2/namespaces/inventory/horizontalpodautoscalers")
			.andReturn(200, new HorizontalPodAutoscalerListBuilder().build())
			.always();

		KubernetesStatus status = new KubernetesSection(client, "inventory").read();

		assertThat(status.scaledObjects()).isNull();
		assertThat(status.health()).as(status.problems().toString()).isEqualTo(Health.OK);
		assertThat(status.tables()).hasSize(1);
	}

}
