package com.retail.inventory.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.ops.status.KubernetesSection;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code status --no-aws} against fabric8's mock API server in CRUD mode: what is created
 * is what the command reads. Each test uses its own namespace.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesStatusIntegrationTests {

	static KubernetesClient client;

	private final StringWriter out = new StringWriter();

	@Test
	void healthyWhenEveryComponentIsRolledOutAndReady() {
		String ns = "healthy";
		for (String name : List.of("ingest", "loader", "stock-alert", "dashboard")) {
			deploy(ns, name, 2, 2, 2, 2, null);
		}
		client.autoscaling()
			.v2()
			.horizontalPodAutoscalers()
			.inNamespace(ns)
			.resource(new HorizontalPodAutoscalerBuilder().withNewMetadata()
				.withName("loader")
				.endMetadata()
				.withNewSpec()
				.withNewScaleTargetRef()
				.withApiVersion("apps/v1")
				.withKind("Deployment")
				.withName("loader")
				.endScaleTargetRef()
				.withMinReplicas(2)
				.withMaxReplicas(6)
				.endSpec()
				.withNewStatus()
				.withCurrentReplicas(2)
				.withDesiredReplicas(2)
				.endStatus()
				.build())
			.create();

		assertThat(status("-n", ns)).isZero();
		String text = this.out.toString();
		assertThat(text).contains("== Kubernetes (namespace healthy): OK");
		assertThat(text).containsPattern("stock-alert\\s+2\\s+2\\s+2\\s+2\\s+COMPLETE");
		assertThat(text).containsPattern("HPA\\s+TARGET\\s+CURRENT\\s+DESIRED\\s+MIN\\s+MAX");
		assertThat(text).containsPattern("loader\\s+loader\\s+2\\s+2\\s+2\\s+6");
		assertThat(text).contains("Status: OK (exit code 0)");
	}

	@Test
	void unhealthyWhenADeploymentLacksReadyReplicasOrItsRolloutStalled() {
		String ns = "degraded";
		deploy(ns, "ingest", 1, 1, 1, 1, null);
		deploy(ns, "loader", 2, 1, 2, 2, null);
		deploy(ns, "stock-alert", 1, 1, 1, 1, null);
		deploy(ns, "dashboard", 2, 1, 2, 2, "ProgressDeadlineExceeded");

		assertThat(status("-n", ns, "-o", "json")).isEqualTo(1);
		JsonNode section = JsonMapper.builder().build().readTree(this.out.toString()).get("sections").get("kubernetes");
		assertThat(section.get("health").asString()).isEqualTo("UNHEALTHY");
		assertThat(section.get("problems")).extracting(JsonNode::asString)
			.containsExactly("deployment loader has 1 of 2 replicas ready",
					"deployment dashboard rollout stalled (ProgressDeadlineExceeded)");
		JsonNode loader = section.get("data").get("deployments").get(1);
		assertThat(loader.get("name").asString()).isEqualTo("loader");
		assertThat(loader.get("desired").asInt()).isEqualTo(2);
		assertThat(loader.get("ready").asInt()).isEqualTo(1);
		assertThat(loader.get("rollout").asString()).isEqualTo("COMPLETE");
	}

	@Test
	void aMissingDeploymentIsUnhealthyAndAnotherNamespaceIsNotRead() {
		deploy("elsewhere", "ingest", 1, 1, 1, 1, null);
		assertThat(status("-n", "empty")).isEqualTo(1);
		assertThat(this.out.toString()).contains("! deployment ingest does not exist");
	}

	@Test
	void listsKedaScaledObjectsWithTheirReadiness() {
		String ns = "keda";
		for (String name : List.of("ingest", "loader", "stock-alert", "dashboard")) {
			deploy(ns, name, 1, 1, 1, 1, null);
		}
		GenericKubernetesResource scaledObject = new GenericKubernetesResourceBuilder()
			.withApiVersion("keda.sh/v1alpha1")
			.withKind("ScaledObject")
			.withNewMetadata()
			.withName("ingest")
			.withNamespace(ns)
			.endMetadata()
			.addToAdditionalProperties("spec", Map.of("scaleTargetRef", Map.of("name", "ingest")))
			.addToAdditionalProperties("status",
					Map.of("conditions",
							List.of(Map.of("type", "Ready", "status", "False", "message", "no triggers"),
									Map.of("type", "Active", "status", "False"))))
			.build();
		client.genericKubernetesResources(KubernetesSection.SCALED_OBJECT)
			.inNamespace(ns)
			.resource(scaledObject)
			.create();

		assertThat(status("-n", ns)).isEqualTo(1);
		assertThat(this.out.toString()).containsPattern("ingest\\s+ingest\\s+False\\s+False")
			.contains("! scaledobject ingest is not ready: no triggers");
	}

	private int status(String... args) {
		CommandLine command = InventoryCommand.commandLine(new CommandLine.IFactory() {
			@Override
			public <K> K create(Class<K> type) throws Exception {
				if (type == StatusCommand.class) {
					// A client of its own on the mock's configuration: the command closes
					// it, the
					// extension owns the other.
					return type.cast(new StatusCommand(new CommandClients(
							(options) -> new KubernetesClientBuilder().withConfig(client.getConfiguration()).build(),
							() -> {
								throw new IllegalStateException("no AWS in this test");
							}, Clock.systemUTC())));
				}
				return CommandLine.defaultFactory().create(type);
			}
		});
		command.setOut(new PrintWriter(this.out));
		String[] all = new String[args.length + 2];
		all[0] = "status";
		all[1] = "--no-aws";
		System.arraycopy(args, 0, all, 2, args.length);
		return command.execute(all);
	}

	private static void deploy(String namespace, String name, int desired, int ready, int updated, int available,
			String progressingReason) {
		if (client.namespaces().withName(namespace).get() == null) {
			client.namespaces()
				.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
				.create();
		}
		Deployment deployment = client.apps()
			.deployments()
			.inNamespace(namespace)
			.resource(new DeploymentBuilder().withNewMetadata()
				.withName(name)
				.endMetadata()
				.withNewSpec()
				.withReplicas(desired)
				.endSpec()
				.build())
			.create();
		DeploymentBuilder withStatus = new DeploymentBuilder(deployment).withNewStatus()
			.withReplicas(desired)
			.withReadyReplicas(ready)
			.withUpdatedReplicas(updated)
			.withAvailableReplicas(available)
			.endStatus();
		if (progressingReason != null) {
			withStatus.editStatus()
				.withConditions(new DeploymentConditionBuilder().withType("Progressing")
					.withStatus("False")
					.withReason(progressingReason)
					.build())
				.endStatus();
		}
		client.apps().deployments().inNamespace(namespace).resource(withStatus.build()).updateStatus();
	}

}
