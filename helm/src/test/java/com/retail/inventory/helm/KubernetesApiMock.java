package com.retail.inventory.helm;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscoveryBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An in-process Kubernetes API that real {@code kubectl apply/get/delete} can talk to, on
 * a free loopback port.
 *
 * <p>
 * The fabric8 CRUD mock stores what is created or patched and serves it back, but kubectl
 * first asks the server which resource types exist (discovery: {@code /version},
 * {@code /api}, {@code /apis}, {@code /api/v1}, {@code /apis/<group>/<version>}) and
 * refuses to apply a kind it cannot map. This class answers discovery for exactly the
 * kinds the chart renders, including the KEDA and Prometheus Operator custom resources
 * (as if their CRDs were installed). There is no admission, defaulting or OpenAPI:
 * {@code /openapi/*} answers 404, so kubectl runs with {@code --validate=false}; schema
 * checks happen in the typed-model tests. This server proves that kubectl accepts the
 * manifests and that they round-trip through an API server.
 */
final class KubernetesApiMock implements AutoCloseable {

	/**
	 * A resource type served by the mock: what discovery announces and the CRUD store
	 * accepts.
	 */
	record ResourceType(String group, String version, String kind, String plural, String shortName, boolean namespaced,
			boolean custom) {

		String groupVersion() {
			return group.isEmpty() ? version : group + "/" + version;
		}

		String discoveryPath() {
			return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
		}
	}

	static final List<ResourceType> TYPES = List.of(
			new ResourceType("", "v1", "Namespace", "namespaces", "ns", false, false),
			new ResourceType("", "v1", "ServiceAccount", "serviceaccounts", "sa", true, false),
			new ResourceType("", "v1", "ConfigMap", "configmaps", "cm", true, false),
			new ResourceType("", "v1", "Service", "services", "svc", true, false),
			new ResourceType("", "v1", "Pod", "pods", "po", true, false),
			new ResourceType("apps", "v1", "Deployment", "deployments", "deploy", true, false),
			new ResourceType("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", "hpa", true,
					false),
			new ResourceType("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", "pdb", true, false),
			new ResourceType("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", "netpol", true, false),
			new ResourceType("networking.k8s.io", "v1", "Ingress", "ingresses", "ing", true, false),
			new ResourceType("keda.sh", "v1alpha1", "ScaledObject", "scaledobjects", "so", true, true),
			new ResourceType("keda.sh", "v1alpha1", "TriggerAuthentication", "triggerauthentications", "ta", true,
					true),
			new ResourceType("monitoring.coreos.com", "v1", "PodMonitor", "podmonitors", "pmon", true, true),
			new ResourceType("monitoring.coreos.com", "v1", "PrometheusRule", "prometheusrules", "promrule", true,
					true));

	private final KubernetesMockServer server;

	private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

	KubernetesApiMock() {
		List<CustomResourceDefinitionContext> customResources = TYPES.stream()
			.filter(ResourceType::custom)
			.map(type -> new CustomResourceDefinitionContext.Builder().withGroup(type.group())
				.withVersion(type.version())
				.withKind(type.kind())
				.withPlural(type.plural())
				.withScope(type.namespaced() ? "Namespaced" : "Cluster")
				.build())
			.toList();
		DiscoveryDispatcher dispatcher = new DiscoveryDispatcher(customResources, discoveryDocuments(), requests);
		server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false,
				new VersionInfo.Builder().withMajor("1").withMinor("32").withGitVersion("v1.32.0").build());
		// Port 0: the operating system picks a free port, so parallel builds never
		// collide.
		server.init(InetAddress.getLoopbackAddress(), 0);
	}

	String url() {
		return server.url("/").replaceAll("/$", "");
	}

	KubernetesClient client() {
		return server.createClient();
	}

	/** "METHOD /path" of every request received so far, oldest first. */
	List<String> requests() {
		synchronized (requests) {
			return List.copyOf(requests);
		}
	}

	void clearRequests() {
		requests.clear();
	}

	/** A kubeconfig pointing kubectl at this server. */
	String kubeconfig(String namespace) {
		return """
				apiVersion: v1
				kind: Config
				clusters:
				  - name: mock
				    cluster:
				      server: %s
				users:
				  - name: mock
				    user:
				      token: not-checked
				contexts:
				  - name: mock
				    context:
				      cluster: mock
				      user: mock
				      namespace: %s
				current-context: mock
				""".formatted(url(), namespace);
	}

	@Override
	public void close() {
		server.destroy();
	}

	private static Map<String, String> discoveryDocuments() {
		Map<String, String> documents = new LinkedHashMap<>();
		documents.put("/api", Serialization.asJson(new APIVersionsBuilder().withVersions("v1").build()));
		Map<String, List<ResourceType>> byGroupVersion = TYPES.stream()
			.collect(Collectors.groupingBy(ResourceType::groupVersion, LinkedHashMap::new, Collectors.toList()));
		List<APIGroup> groups = new ArrayList<>();
		byGroupVersion.forEach((groupVersion, types) -> {
			ResourceType first = types.get(0);
			documents.put(first.discoveryPath(),
					Serialization.asJson(new APIResourceListBuilder().withGroupVersion(groupVersion)
						.withResources(types.stream()
							.map(type -> new APIResourceBuilder().withName(type.plural())
								.withKind(type.kind())
								.withNamespaced(type.namespaced())
								.withSingularName(type.kind().toLowerCase())
								.withShortNames(type.shortName())
								.withVerbs("create", "delete", "get", "list", "patch", "update", "watch")
								.build())
							.toList())
						.build()));
			if (!first.group().isEmpty()) {
				var version = new GroupVersionForDiscoveryBuilder().withGroupVersion(groupVersion)
					.withVersion(first.version())
					.build();
				groups.add(new APIGroupBuilder().withName(first.group())
					.withVersions(version)
					.withPreferredVersion(version)
					.build());
			}
		});
		documents.put("/apis", Serialization.asJson(new APIGroupListBuilder().withGroups(groups).build()));
		return documents;
	}

	/** Discovery documents first, everything else to the CRUD store. */
	private static final class DiscoveryDispatcher extends KubernetesCrudDispatcher {

		private final Map<String, String> discovery;

		private final List<String> requests;

		DiscoveryDispatcher(List<CustomResourceDefinitionContext> customResources, Map<String, String> discovery,
				List<String> requests) {
			super(customResources);
			this.discovery = discovery;
			this.requests = requests;
		}

		@Override
		public MockResponse dispatch(RecordedRequest request) {
			String path = request.getPath().replaceFirst("\\?.*$", "");
			requests.add(request.getMethod() + " " + path);
			if (path.startsWith("/openapi/")) {
				// The CRUD store would answer 200 with an empty body, which kubectl
				// cannot parse as a schema.
				return new MockResponse().setResponseCode(404);
			}
			String document = "GET".equals(request.getMethod()) ? discovery.get(path) : null;
			if (document != null) {
				return new MockResponse().setResponseCode(200)
					.setHeader("Content-Type", "application/json")
					.setBody(document);
			}
			return super.dispatch(request);
		}

	}

}
