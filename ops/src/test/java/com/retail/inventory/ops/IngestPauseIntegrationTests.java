package com.retail.inventory.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.ops.scale.DeploymentPause;
import com.retail.inventory.ops.scale.PausedReplicas;
import com.retail.inventory.ops.status.KubernetesSection;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code pause ingest} and {@code resume ingest} against fabric8's mock API server in
 * CRUD mode: what the commands write is what the tests read back. Each test uses its own
 * namespace.
 */
@EnableKubernetesMockClient(crud = true)
class IngestPauseIntegrationTests {

	static KubernetesClient client;

	private String out;

	private String err;

	@Test
	void pauseScalesToZeroAndRecordsTheCountThenResumeRestoresIt() {
		String ns = "plain";
		deploy(ns, "ingest", 3);
		deploy(ns, "loader", 2);

		assertThat(run("pause", "ingest", "-n", ns)).as(this.err).isZero();
		Deployment paused = ingest(ns);
		assertThat(paused.getSpec().getReplicas()).isZero();
		assertThat(paused.getMetadata().getAnnotations()).containsEntry(PausedReplicas.ANNOTATION, "3");
		assertThat(this.out).contains("3 -> 0 replicas").contains("Uploads wait in SQS");
		// Only ingest.
		assertThat(client.apps().deployments().inNamespace(ns).withName("loader").get().getSpec().getReplicas())
			.isEqualTo(2);

		assertThat(run("resume", "ingest", "-n", ns)).as(this.err).isZero();
		Deployment resumed = ingest(ns);
		assertThat(resumed.getSpec().getReplicas()).isEqualTo(3);
		assertThat(resumed.getMetadata().getAnnotations()).doesNotContainKey(PausedReplicas.ANNOTATION);
		assertThat(this.out).contains("0 -> 3 replicas");
	}

	@Test
	void pausingTwiceOrResumingWhatIsNotPausedIsRefusedAndChangesNothing() {
		String ns = "twice";
		deploy(ns, "ingest", 3);

		assertThat(run("resume", "ingest", "-n", ns)).isEqualTo(2);
		assertThat(this.err).contains("resume refused: deployment ingest in namespace twice is not paused");
		assertThat(ingest(ns).getSpec().getReplicas()).isEqualTo(3);

		assertThat(run("pause", "ingest", "-n", ns)).isZero();
		assertThat(run("pause", "ingest", "-n", ns)).isEqualTo(2);
		assertThat(this.err).contains("pause refused: deployment ingest in namespace twice is paused already");
		// The second pause did not record 0 over the 3 to go back to.
		assertThat(ingest(ns).getMetadata().getAnnotations()).containsEntry(PausedReplicas.ANNOTATION, "3");
	}

	@Test
	void aMissingDeploymentOrAnotherComponentIsRefused() {
		assertThat(run("pause", "ingest", "-n", "nothing-here")).isEqualTo(2);
		assertThat(this.err).contains("deployment ingest does not exist in namespace nothing-here");
		assertThat(run("pause", "loader", "-n", "nothing-here")).isEqualTo(2);
	}

	@Test
	void pausesAndResumesTheKedaScaledObjectTargetingIngestAndLeavesAnHpaAlone() {
		String ns = "keda";
		deploy(ns, "ingest", 3);
		scaledObject(ns, "ingest", "ingest");
		scaledObject(ns, "other", "loader");
		client.autoscaling()
			.v2()
			.horizontalPodAutoscalers()
			.inNamespace(ns)
			.resource(new HorizontalPodAutoscalerBuilder().withNewMetadata()
				.withName("keda-hpa-ingest")
				.endMetadata()
				.withNewSpec()
				.withNewScaleTargetRef()
				.withApiVersion("apps/v1")
				.withKind("Deployment")
				.withName("ingest")
				.endScaleTargetRef()
				.withMinReplicas(2)
				.withMaxReplicas(6)
				.endSpec()
				.build())
			.create();

		assertThat(run("pause", "ingest", "-n", ns)).as(this.err).isZero();
		assertThat(annotations(ns, "ingest")).containsEntry(DeploymentPause.KEDA_PAUSED_REPLICAS, "0");
		assertThat(annotations(ns, "other")).doesNotContainKey(DeploymentPause.KEDA_PAUSED_REPLICAS);
		assertThat(this.out).contains("KEDA ScaledObject ingest paused at 0 replicas.")
			.contains("HPA keda-hpa-ingest left as is");
		assertThat(client.autoscaling()
			.v2()
			.horizontalPodAutoscalers()
			.inNamespace(ns)
			.withName("keda-hpa-ingest")
			.get()
			.getSpec()
			.getMinReplicas()).isEqualTo(2);

		assertThat(run("resume", "ingest", "-n", ns)).as(this.err).isZero();
		assertThat(annotations(ns, "ingest")).doesNotContainKey(DeploymentPause.KEDA_PAUSED_REPLICAS)
			.containsEntry("kept", "yes");
		assertThat(ingest(ns).getSpec().getReplicas()).isEqualTo(3);
		assertThat(this.out).contains("KEDA ScaledObject ingest autoscales again.");
	}

	private int run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine command = InventoryCommand.commandLine(new CommandLine.IFactory() {
			@Override
			public <K> K create(Class<K> type) throws Exception {
				// A client of its own on the mock's configuration: the command closes it,
				// the extension owns the other.
				if (type == PauseCommand.class) {
					return type.cast(new PauseCommand((options) -> mockClient()));
				}
				if (type == ResumeCommand.class) {
					return type.cast(new ResumeCommand((options) -> mockClient()));
				}
				return CommandLine.defaultFactory().create(type);
			}
		});
		command.setOut(new PrintWriter(out));
		command.setErr(new PrintWriter(err));
		int exitCode = command.execute(args);
		this.out = out.toString();
		this.err = err.toString();
		return exitCode;
	}

	private static KubernetesClient mockClient() {
		return new KubernetesClientBuilder().withConfig(client.getConfiguration()).build();
	}

	private static Deployment ingest(String namespace) {
		return client.apps().deployments().inNamespace(namespace).withName("ingest").get();
	}

	private static Map<String, String> annotations(String namespace, String scaledObject) {
		Map<String, String> annotations = client.genericKubernetesResources(KubernetesSection.SCALED_OBJECT)
			.inNamespace(namespace)
			.withName(scaledObject)
			.get()
			.getMetadata()
			.getAnnotations();
		return (annotations != null) ? annotations : Map.of();
	}

	private static void scaledObject(String namespace, String name, String target) {
		GenericKubernetesResource scaledObject = new GenericKubernetesResourceBuilder()
			.withApiVersion("keda.sh/v1alpha1")
			.withKind("ScaledObject")
			.withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.addToAnnotations("kept", "yes")
			.endMetadata()
			.addToAdditionalProperties("spec",
					Map.of("scaleTargetRef", Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", target)))
			.build();
		client.genericKubernetesResources(KubernetesSection.SCALED_OBJECT)
			.inNamespace(namespace)
			.resource(scaledObject)
			.create();
	}

	private static void deploy(String namespace, String name, int replicas) {
		if (client.namespaces().withName(namespace).get() == null) {
			client.namespaces()
				.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
				.create();
		}
		client.apps()
			.deployments()
			.inNamespace(namespace)
			.resource(new DeploymentBuilder().withNewMetadata()
				.withName(name)
				.endMetadata()
				.withNewSpec()
				.withReplicas(replicas)
				.endSpec()
				.build())
			.create();
	}

}
