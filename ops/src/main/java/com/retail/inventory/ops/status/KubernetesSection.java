package com.retail.inventory.ops.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.HttpURLConnection;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the components' Deployments (named as the components, as the chart names them),
 * the HPAs and, when KEDA is installed, the ScaledObjects of a namespace.
 */
public final class KubernetesSection {

	/** The chart's components, which are also their Deployments' names. */
	public static final List<String> COMPONENTS = List.of("ingest", "loader", "stock-alert", "dashboard");

	/**
	 * KEDA's ScaledObject, addressed without discovery so that an absent CRD is simply a
	 * 404.
	 */
	public static final ResourceDefinitionContext SCALED_OBJECT = new ResourceDefinitionContext.Builder()
		.withGroup("keda.sh")
		.withVersion("v1alpha1")
		.withKind("ScaledObject")
		.withPlural("scaledobjects")
		.withNamespaced(true)
		.build();

	private final KubernetesClient client;

	private final String namespace;

	public KubernetesSection(KubernetesClient client, String namespace) {
		this.client = client;
		this.namespace = namespace;
	}

	public KubernetesStatus read() {
		List<DeploymentRow> deployments = COMPONENTS.stream()
			.map((name) -> DeploymentRow.of(name,
					this.client.apps().deployments().inNamespace(this.namespace).withName(name).get()))
			.toList();
		List<AutoscalerRow> autoscalers = this.client.autoscaling()
			.v2()
			.horizontalPodAutoscalers()
			.inNamespace(this.namespace)
			.list()
			.getItems()
			.stream()
			.map(AutoscalerRow::of)
			.sorted(Comparator.comparing(AutoscalerRow::name))
			.toList();
		return new KubernetesStatus(this.namespace, deployments, autoscalers, scaledObjects());
	}

	/** The ScaledObjects, or null when the cluster has no KEDA CRD. */
	private List<ScaledObjectRow> scaledObjects() {
		try {
			List<GenericKubernetesResource> items = this.client.genericKubernetesResources(SCALED_OBJECT)
				.inNamespace(this.namespace)
				.list()
				.getItems();
			return items.stream().map(ScaledObjectRow::of).sorted(Comparator.comparing(ScaledObjectRow::name)).toList();
		}
		catch (KubernetesClientException ex) {
			if (ex.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
				return null;
			}
			throw ex;
		}
	}

}
