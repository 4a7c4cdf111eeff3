package com.retail.inventory.helm;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rendered YAML to typed Kubernetes objects, strictly.
 *
 * <p>
 * Fabric8 maps a manifest onto its model classes but parks every field it does not know
 * in {@code additionalProperties} instead of failing, and turns an unknown kind into a
 * {@link GenericKubernetesResource}. A misspelt field ({@code readinesProbe},
 * {@code runAsNonroot}) would therefore parse fine and be silently dropped by the API
 * server (or rejected only at install time). This class walks every parsed object and
 * reports each such field with its path; KEDA kinds go through {@link Keda}, Prometheus
 * Operator kinds through {@link PrometheusOperator}.
 */
final class Manifests {

	private static final ObjectMapper YAML = new YAMLMapper();

	private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	private static final ObjectMapper INTROSPECTION = new ObjectMapper();

	private Manifests() {
	}

	/**
	 * The parsed release: typed objects (custom resources as generic resources too) plus
	 * the KEDA and Prometheus Operator typed views.
	 */
	record Release(List<HasMetadata> objects, List<Keda.ScaledObject> scaledObjects,
			List<Keda.TriggerAuthentication> triggerAuthentications, List<PrometheusOperator.PodMonitor> podMonitors,
			List<PrometheusOperator.PrometheusRule> prometheusRules) {

		<T extends HasMetadata> List<T> all(Class<T> type) {
			return objects.stream().filter(type::isInstance).map(type::cast).toList();
		}

		<T extends HasMetadata> T one(Class<T> type, String name) {
			List<T> matches = all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).toList();
			if (matches.size() != 1) {
				throw new AssertionError(
						"expected one " + type.getSimpleName() + " '" + name + "', found " + matches.size());
			}
			return matches.get(0);
		}

		<T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
			return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
		}
	}

	/**
	 * Parses and checks; any unknown field or kind fails with the full list of problems.
	 */
	static Release parse(String yaml) {
		List<String> problems = new ArrayList<>();
		Release release = parse(yaml, problems);
		if (!problems.isEmpty()) {
			throw new AssertionError(
					"rendered manifests do not match the Kubernetes model:\n  " + String.join("\n  ", problems));
		}
		return release;
	}

	static Release parse(String yaml, List<String> problems) {
		List<HasMetadata> objects = new ArrayList<>();
		List<Keda.ScaledObject> scaledObjects = new ArrayList<>();
		List<Keda.TriggerAuthentication> triggerAuthentications = new ArrayList<>();
		List<PrometheusOperator.PodMonitor> podMonitors = new ArrayList<>();
		List<PrometheusOperator.PrometheusRule> prometheusRules = new ArrayList<>();
		for (JsonNode document : documents(yaml)) {
			String id = document.path("kind").asText("?") + "/" + document.path("metadata").path("name").asText("?");
			Object parsed = SERIALIZATION.unmarshal(document.toString());
			if (!(parsed instanceof HasMetadata object)) {
				problems.add(id + ": not a Kubernetes object");
				continue;
			}
			if (Keda.isKeda(document)) {
				switch (document.path("kind").asText()) {
					case "ScaledObject" ->
						Optional.ofNullable(Keda.scaledObject(document, problems)).ifPresent(scaledObjects::add);
					case "TriggerAuthentication" -> Optional.ofNullable(Keda.triggerAuthentication(document, problems))
						.ifPresent(triggerAuthentications::add);
					default -> problems.add(id + ": unexpected KEDA kind");
				}
			}
			else if (PrometheusOperator.isPrometheusOperator(document)) {
				switch (document.path("kind").asText()) {
					case "PodMonitor" -> Optional.ofNullable(PrometheusOperator.podMonitor(document, problems))
						.ifPresent(podMonitors::add);
					case "PrometheusRule" -> Optional.ofNullable(PrometheusOperator.prometheusRule(document, problems))
						.ifPresent(prometheusRules::add);
					default -> problems.add(id + ": unexpected Prometheus Operator kind");
				}
			}
			else if (object instanceof GenericKubernetesResource) {
				// Fabric8 knows every built-in kind: a generic resource means a wrong
				// apiVersion or kind.
				problems.add(id + ": unknown apiVersion/kind " + document.path("apiVersion").asText());
				continue;
			}
			else {
				collectUnknownFields(object, id, problems);
			}
			objects.add(object);
		}
		return new Release(objects, scaledObjects, triggerAuthentications, podMonitors, prometheusRules);
	}

	static List<JsonNode> documents(String yaml) {
		try (var iterator = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
			return iterator.readAll()
				.stream()
				.filter(node -> node != null && !node.isNull() && !node.isEmpty())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Adds "path: unknown field" for every entry any fabric8 model object in the graph
	 * keeps in additionalProperties. Follows the properties Jackson maps, i.e. exactly
	 * the fields of the JSON.
	 */
	static void collectUnknownFields(Object value, String path, List<String> problems) {
		if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
				|| value instanceof Enum<?>) {
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> collectUnknownFields(item, path + "." + key, problems));
			return;
		}
		if (value instanceof Collection<?> items) {
			int index = 0;
			for (Object item : items) {
				collectUnknownFields(item, path + "[" + index++ + "]", problems);
			}
			return;
		}
		if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
			return;
		}
		additionalProperties(value).keySet().forEach(field -> problems.add(path + "." + field + ": unknown field"));
		BeanDescription description = INTROSPECTION.getSerializationConfig()
			.introspect(INTROSPECTION.constructType(value.getClass()));
		for (BeanPropertyDefinition property : description.findProperties()) {
			if (property.getAccessor() != null) {
				collectUnknownFields(property.getAccessor().getValue(value), path + "." + property.getName(), problems);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> additionalProperties(Object model) {
		try {
			Method getter = model.getClass().getMethod("getAdditionalProperties");
			Object extra = getter.invoke(model);
			return extra instanceof Map ? (Map<String, Object>) extra : Map.of();
		}
		catch (NoSuchMethodException ex) {
			return Map.of();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
