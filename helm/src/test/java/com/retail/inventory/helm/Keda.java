package com.retail.inventory.helm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed model of the KEDA (keda.sh/v1alpha1) custom resources the chart renders. Fabric8
 * has no model for them, so these records mirror the KEDA API fields (a subset: the ones
 * a ScaledObject/TriggerAuthentication of this kind uses) and are read with unknown
 * properties failing, which catches a misspelt field just like the additionalProperties
 * walk does for the built-in kinds.
 */
final class Keda {

	static final String API_VERSION = "keda.sh/v1alpha1";

	/** Trigger metadata keys KEDA's aws-sqs-queue and cpu scalers understand. */
	private static final Map<String, Set<String>> TRIGGER_METADATA = Map.of("aws-sqs-queue",
			Set.of("queueURL", "queueURLFromEnv", "queueLength", "activationQueueLength", "awsRegion", "awsEndpoint",
					"scaleOnInFlight", "scaleOnDelayed", "identityOwner"),
			"cpu", Set.of("value", "activationValue", "containerName"));

	private static final ObjectMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private Keda() {
	}

	record ScaledObject(String apiVersion, String kind, ObjectMeta metadata, ScaledObjectSpec spec) {
	}

	record ScaledObjectSpec(ScaleTargetRef scaleTargetRef, Integer pollingInterval, Integer cooldownPeriod,
			Integer initialCooldownPeriod, Integer idleReplicaCount, Integer minReplicaCount, Integer maxReplicaCount,
			Fallback fallback, Advanced advanced, List<Trigger> triggers) {
	}

	record ScaleTargetRef(String apiVersion, String kind, String name, String envSourceContainerName) {
	}

	record Fallback(Integer failureThreshold, Integer replicas, String behavior) {
	}

	record Advanced(Boolean restoreToOriginalReplicaCount, HorizontalPodAutoscalerConfig horizontalPodAutoscalerConfig,
			ScalingModifiers scalingModifiers) {
	}

	record HorizontalPodAutoscalerConfig(String name, HorizontalPodAutoscalerBehavior behavior) {
	}

	record ScalingModifiers(String formula, String target, String activationTarget, String metricType) {
	}

	record Trigger(String type, String name, Boolean useCachedMetrics, String metricType, Map<String, String> metadata,
			AuthenticationRef authenticationRef) {
	}

	record AuthenticationRef(String name, String kind) {
	}

	record TriggerAuthentication(String apiVersion, String kind, ObjectMeta metadata, TriggerAuthenticationSpec spec) {
	}

	record TriggerAuthenticationSpec(PodIdentity podIdentity, List<SecretTargetRef> secretTargetRef, List<Env> env) {
	}

	record PodIdentity(String provider, String roleArn, String identityOwner, String identityId) {
	}

	record SecretTargetRef(String parameter, String name, String key) {
	}

	record Env(String parameter, String name, String containerName) {
	}

	static boolean isKeda(JsonNode document) {
		return API_VERSION.equals(document.path("apiVersion").asText());
	}

	static ScaledObject scaledObject(JsonNode document, List<String> problems) {
		ScaledObject scaledObject = read(document, ScaledObject.class, problems);
		if (scaledObject == null) {
			return null;
		}
		Manifests.collectUnknownFields(scaledObject.metadata(), "ScaledObject.metadata", problems);
		if (scaledObject.spec().advanced() != null
				&& scaledObject.spec().advanced().horizontalPodAutoscalerConfig() != null) {
			Manifests.collectUnknownFields(scaledObject.spec().advanced().horizontalPodAutoscalerConfig().behavior(),
					"ScaledObject.spec.advanced.horizontalPodAutoscalerConfig.behavior", problems);
		}
		JsonNode triggers = document.path("spec").path("triggers");
		for (int i = 0; i < triggers.size(); i++) {
			JsonNode trigger = triggers.get(i);
			String type = trigger.path("type").asText();
			Set<String> known = TRIGGER_METADATA.get(type);
			if (known == null) {
				problems.add("ScaledObject.spec.triggers[" + i + "].type: unexpected trigger type '" + type + "'");
				continue;
			}
			var fields = trigger.path("metadata").fields();
			while (fields.hasNext()) {
				var field = fields.next();
				String path = "ScaledObject.spec.triggers[" + i + "].metadata." + field.getKey();
				if (!known.contains(field.getKey())) {
					problems.add(path + ": not a parameter of the " + type + " scaler");
				}
				// KEDA's CRD declares metadata as map[string]string: a YAML number would
				// be rejected by the API.
				if (!field.getValue().isTextual()) {
					problems.add(path + ": must be a string, is " + field.getValue().getNodeType());
				}
			}
		}
		return scaledObject;
	}

	static TriggerAuthentication triggerAuthentication(JsonNode document, List<String> problems) {
		TriggerAuthentication authentication = read(document, TriggerAuthentication.class, problems);
		if (authentication != null) {
			Manifests.collectUnknownFields(authentication.metadata(), "TriggerAuthentication.metadata", problems);
		}
		return authentication;
	}

	private static <T> T read(JsonNode document, Class<T> type, List<String> problems) {
		try {
			return STRICT.treeToValue(document, type);
		}
		catch (Exception ex) {
			problems.add(type.getSimpleName() + ": " + ex.getMessage().lines().findFirst().orElse(""));
			return null;
		}
	}

}
