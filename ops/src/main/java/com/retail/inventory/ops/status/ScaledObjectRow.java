package com.retail.inventory.ops.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/**
 * A KEDA ScaledObject (keda.sh/v1alpha1), read without KEDA's model classes.
 *
 * @param name the ScaledObject
 * @param target the Deployment it scales
 * @param ready its Ready condition ({@code True}, {@code False}, {@code Unknown}; null
 * before KEDA has seen it)
 * @param active its Active condition: whether a trigger currently asks for replicas
 * @param message the Ready condition's message
 */
public record ScaledObjectRow(String name, String target, String ready, String active, String message) {

	public static ScaledObjectRow of(GenericKubernetesResource scaledObject) {
		Map<String, Object> props = scaledObject.getAdditionalProperties();
		String target = null;
		if (props.get("spec") instanceof Map<?, ?> spec && spec.get("scaleTargetRef") instanceof Map<?, ?> ref) {
			target = (String) ref.get("name");
		}
		Map<?, ?> ready = condition(props, "Ready");
		Map<?, ?> active = condition(props, "Active");
		return new ScaledObjectRow(scaledObject.getMetadata().getName(), target,
				(ready != null) ? (String) ready.get("status") : null,
				(active != null) ? (String) active.get("status") : null,
				(ready != null) ? (String) ready.get("message") : null);
	}

	private static Map<?, ?> condition(Map<String, Object> props, String type) {
		if (props.get("status") instanceof Map<?, ?> status && status.get("conditions") instanceof List<?> conditions) {
			for (Object condition : conditions) {
				if (condition instanceof Map<?, ?> map && type.equals(map.get("type"))) {
					return map;
				}
			}
		}
		return null;
	}

	/**
	 * Why this ScaledObject is unhealthy (KEDA says it is not ready, so the Deployment is
	 * not autoscaled), or null.
	 */
	public String problem() {
		return "False".equals(this.ready)
				? "scaledobject " + this.name + " is not ready" + ((this.message != null) ? ": " + this.message : "")
				: null;
	}

}
