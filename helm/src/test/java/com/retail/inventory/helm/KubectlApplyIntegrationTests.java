package com.retail.inventory.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rendered chart through real kubectl into an in-process Kubernetes API
 * ({@link KubernetesApiMock}), read back with the fabric8 client and compared with what
 * was rendered, then deleted with kubectl.
 *
 * <p>
 * This is what `helm template | kubectl apply` or a GitOps tool does: kubectl must map
 * every kind through discovery (including the KEDA and Prometheus Operator custom
 * resources), send objects the API accepts, and the objects must come back unchanged.
 * Test hooks are not part of the release manifest, so they are not applied here (as with
 * helm install); kubectl's client-side validation is off because the mock serves no
 * OpenAPI schema (the typed-model tests cover the schema).
 */
class KubectlApplyIntegrationTests {

	/** Fields the API server (here: the mock or kubectl) adds to stored objects. */
	private static final List<String> SERVER_METADATA = List.of("uid", "resourceVersion", "creationTimestamp",
			"generation", "managedFields", "selfLink");

	private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

	// Kept as fields: java.util.logging holds loggers weakly, the level would be lost
	// with the logger.
	private static final Logger MOCK_LOGGER = Logger.getLogger("io.fabric8.mockwebserver");

	private static KubernetesApiMock api;

	private static KubernetesClient client;

	private final KubernetesSerialization serialization = new KubernetesSerialization();

	@BeforeAll
	static void startApi() {
		// The mock logs every request at INFO; failures are reported through the
		// assertions instead.
		MOCK_LOGGER.setLevel(Level.WARNING);
		api = new KubernetesApiMock();
		client = api.client();
	}

	@AfterAll
	static void stopApi() {
		if (client != null) {
			client.close();
		}
		if (api != null) {
			api.close();
		}
	}

	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void applyReadBackAndDelete(ValuesSet values, @TempDir Path workDir) throws IOException {
		String yaml = HelmChart.template(values);
		Manifests.Release rendered = Manifests.parse(yaml);
		Path manifests = Files.writeString(workDir.resolve("manifests.yaml"), yaml);
		Kubectl kubectl = new Kubectl(api.kubeconfig(HelmChart.NAMESPACE), workDir);

		Kubectl.Result apply = kubectl.run("apply", "--validate=false", "-f", manifests.toString());

		assertThat(apply.exitCode()).as(apply.output()).isZero();
		assertThat(apply.output().lines()).as(apply.output())
			.hasSize(rendered.objects().size())
			.allMatch(line -> line.endsWith(" created"));

		for (HasMetadata expected : rendered.objects()) {
			HasMetadata stored = readBack(expected);
			String id = expected.getKind() + "/" + expected.getMetadata().getName();
			assertThat(stored).as(id + " stored").isNotNull();
			// kubectl apply records what it applied, so a later apply can compute a
			// three-way diff.
			assertThat(stored.getMetadata().getAnnotations()).as(id).containsKey(LAST_APPLIED);
			assertThat(comparable(stored)).as(id + " read back").isEqualTo(comparable(expected));
		}

		Kubectl.Result list = kubectl.run("get", "deploy,sa,cm,svc,hpa,pdb,netpol,ing,so,ta,pmon,promrule", "-o",
				"name");
		assertThat(list.exitCode()).as(list.output()).isZero();
		assertThat(list.output().lines()).hasSize(rendered.objects().size());

		Kubectl.Result delete = kubectl.run("delete", "--wait=false", "-f", manifests.toString());

		assertThat(delete.exitCode()).as(delete.output()).isZero();
		assertThat(delete.output().lines()).as(delete.output())
			.hasSize(rendered.objects().size())
			.allMatch(line -> line.endsWith(" deleted"));
		for (HasMetadata object : rendered.objects()) {
			assertThat(readBack(object)).as(object.getKind() + "/" + object.getMetadata().getName() + " after delete")
				.isNull();
		}
	}

	private HasMetadata readBack(HasMetadata object) {
		String namespace = object.getMetadata().getNamespace();
		if (object instanceof GenericKubernetesResource custom) {
			// KEDA and Prometheus Operator kinds: no typed model, the client resolves the
			// resource through the mock's discovery.
			return client.genericKubernetesResources(custom.getApiVersion(), custom.getKind())
				.inNamespace(namespace)
				.withName(custom.getMetadata().getName())
				.get();
		}
		return client.resource(object).inNamespace(namespace).get();
	}

	/**
	 * The object as JSON without what the server and kubectl add, so stored and rendered
	 * compare field by field.
	 */
	private JsonNode comparable(HasMetadata object) {
		ObjectNode json = (ObjectNode) serialization.convertValue(object, JsonNode.class);
		json.remove("status");
		ObjectNode metadata = (ObjectNode) json.get("metadata");
		SERVER_METADATA.forEach(metadata::remove);
		if (metadata.get("annotations") instanceof ObjectNode annotations) {
			annotations.remove(LAST_APPLIED);
			if (annotations.isEmpty()) {
				metadata.remove("annotations");
			}
		}
		return json;
	}

}
