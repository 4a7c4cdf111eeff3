package com.retail.inventory.ops.scale;

import com.retail.inventory.ops.status.KubernetesSection;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pauses a Deployment (scale to 0, the previous count kept in
 * {@link PausedReplicas#ANNOTATION}) and resumes it (back to that count, annotation
 * removed), together with whatever would otherwise scale it back.
 *
 * <p>
 * What scales the chart's ingest: with {@code keda.enabled} a KEDA ScaledObject (and the
 * HPA KEDA makes from it), else a CPU HorizontalPodAutoscaler with {@code minReplicas} 1
 * or more. KEDA keeps a Deployment at {@code minReplicaCount} or more, so a ScaledObject
 * targeting it gets KEDA's own pause annotation {@link #KEDA_PAUSED_REPLICAS} "0". A
 * plain HPA needs nothing: Kubernetes' HPA controller does not scale a target whose
 * replica count is 0 (condition ScalingActive=False, ScalingDisabled) and takes over
 * again once the resume sets a count.
 *
 * <p>
 * Order, so that an interrupted command can be finished by running resume: pause writes
 * the Deployment (count recorded, replicas 0, in one update) before pausing KEDA, so the
 * recorded count is never one KEDA already scaled to 0; resume unpauses KEDA before it
 * scales the Deployment, since KEDA holds a paused target at 0. Every update carries the
 * resourceVersion read: a concurrent change makes it fail (409) instead of being
 * overwritten.
 */
public final class DeploymentPause {

	/** KEDA's annotation: pause autoscaling and hold the target at this many replicas. */
	public static final String KEDA_PAUSED_REPLICAS = "autoscaling.keda.sh/paused-replicas";

	private final KubernetesClient client;

	private final String namespace;

	public DeploymentPause(KubernetesClient client, String namespace) {
		this.client = client;
		this.namespace = namespace;
	}

	/**
	 * @throws PauseRefusedException when the Deployment does not exist or is paused
	 * already
	 */
	public ScaleChange pause(String name) {
		Deployment deployment = deployment(name);
		Integer paused = PausedReplicas.of(deployment.getMetadata().getAnnotations());
		if (paused != null) {
			throw new PauseRefusedException("deployment " + name + " in namespace " + this.namespace
					+ " is paused already (annotation " + PausedReplicas.ANNOTATION + "=" + paused + ", "
					+ replicas(deployment) + " replicas now); resume it first");
		}
		int from = replicas(deployment);
		this.client.apps()
			.deployments()
			.inNamespace(this.namespace)
			.resource(new DeploymentBuilder(deployment).editMetadata()
				.addToAnnotations(PausedReplicas.ANNOTATION, PausedReplicas.value(from))
				.endMetadata()
				.editSpec()
				.withReplicas(0)
				.endSpec()
				.build())
			.update();
		List<GenericKubernetesResource> scaledObjects = scaledObjects(name);
		for (GenericKubernetesResource scaledObject : scaledObjects) {
			annotate(scaledObject, "0");
		}
		return new ScaleChange(this.namespace, name, from, 0, names(scaledObjects), autoscalers(name));
	}

	/**
	 * @throws PauseRefusedException when the Deployment does not exist or is not paused
	 */
	public ScaleChange resume(String name) {
		Deployment deployment = deployment(name);
		Integer to = PausedReplicas.of(deployment.getMetadata().getAnnotations());
		if (to == null) {
			throw new PauseRefusedException(
					"deployment " + name + " in namespace " + this.namespace + " is not paused (no annotation "
							+ PausedReplicas.ANNOTATION + "); it has " + replicas(deployment) + " replicas");
		}
		List<GenericKubernetesResource> scaledObjects = scaledObjects(name).stream()
			.filter((scaledObject) -> annotations(scaledObject).containsKey(KEDA_PAUSED_REPLICAS))
			.toList();
		for (GenericKubernetesResource scaledObject : scaledObjects) {
			annotate(scaledObject, null);
		}
		// Read again: KEDA may have changed it since.
		Deployment current = deployment(name);
		int from = replicas(current);
		this.client.apps()
			.deployments()
			.inNamespace(this.namespace)
			.resource(new DeploymentBuilder(current).editMetadata()
				.removeFromAnnotations(PausedReplicas.ANNOTATION)
				.endMetadata()
				.editSpec()
				.withReplicas(to)
				.endSpec()
				.build())
			.update();
		return new ScaleChange(this.namespace, name, from, to, names(scaledObjects), autoscalers(name));
	}

	private Deployment deployment(String name) {
		Deployment deployment = this.client.apps().deployments().inNamespace(this.namespace).withName(name).get();
		if (deployment == null) {
			throw new PauseRefusedException(
					"deployment " + name + " does not exist in namespace " + this.namespace + " (see --namespace)");
		}
		return deployment;
	}

	/** The API server defaults a missing count to 1. */
	private static int replicas(Deployment deployment) {
		Integer replicas = deployment.getSpec().getReplicas();
		return (replicas != null) ? replicas : 1;
	}

	/** The ScaledObjects whose target is the Deployment; none without KEDA's CRD. */
	private List<GenericKubernetesResource> scaledObjects(String deployment) {
		try {
			return this.client.genericKubernetesResources(KubernetesSection.SCALED_OBJECT)
				.inNamespace(this.namespace)
				.list()
				.getItems()
				.stream()
				.filter((scaledObject) -> targets(scaledObject, deployment))
				.toList();
		}
		catch (KubernetesClientException ex) {
			if (ex.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
				return List.of();
			}
			throw ex;
		}
	}

	/** KEDA's scaleTargetRef: kind defaults to Deployment. */
	static boolean targets(GenericKubernetesResource scaledObject, String deployment) {
		if (!(scaledObject.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec)
				|| !(spec.get("scaleTargetRef") instanceof Map<?, ?> target)) {
			return false;
		}
		Object kind = target.get("kind");
		return deployment.equals(target.get("name")) && (kind == null || "Deployment".equals(kind));
	}

	/** Sets KEDA's pause annotation to the value, or removes it for null. */
	private void annotate(GenericKubernetesResource scaledObject, String value) {
		Map<String, String> annotations = new HashMap<>(annotations(scaledObject));
		if (value != null) {
			annotations.put(KEDA_PAUSED_REPLICAS, value);
		}
		else {
			annotations.remove(KEDA_PAUSED_REPLICAS);
		}
		scaledObject.getMetadata().setAnnotations(annotations);
		this.client.genericKubernetesResources(KubernetesSection.SCALED_OBJECT)
			.inNamespace(this.namespace)
			.resource(scaledObject)
			.update();
	}

	private static Map<String, String> annotations(GenericKubernetesResource resource) {
		Map<String, String> annotations = resource.getMetadata().getAnnotations();
		return (annotations != null) ? annotations : Map.of();
	}

	private List<String> autoscalers(String deployment) {
		return this.client.autoscaling()
			.v2()
			.horizontalPodAutoscalers()
			.inNamespace(this.namespace)
			.list()
			.getItems()
			.stream()
			.filter((hpa) -> targets(hpa, deployment))
			.map((hpa) -> hpa.getMetadata().getName())
			.sorted()
			.toList();
	}

	private static boolean targets(HorizontalPodAutoscaler hpa, String deployment) {
		return hpa.getSpec() != null && hpa.getSpec().getScaleTargetRef() != null
				&& "Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind())
				&& Objects.equals(deployment, hpa.getSpec().getScaleTargetRef().getName());
	}

	private static List<String> names(List<GenericKubernetesResource> resources) {
		return resources.stream().map((resource) -> resource.getMetadata().getName()).sorted().toList();
	}

}
