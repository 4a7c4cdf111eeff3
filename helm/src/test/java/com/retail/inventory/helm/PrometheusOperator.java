package com.retail.inventory.helm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/**
 * Typed model of the Prometheus Operator (monitoring.coreos.com/v1) resources the chart
 * renders. Fabric8's Kubernetes model has none (they live in the OpenShift model, not a
 * dependency here), so, as for {@link Keda}, these records mirror the operator's API
 * fields (the subset a PodMonitor and a PrometheusRule of this kind use) and are read
 * with unknown properties failing: a misspelt field would otherwise be pruned by the API
 * server and the scrape or the rule silently lose it.
 */
final class PrometheusOperator {

	static final String API_VERSION = "monitoring.coreos.com/v1";

	private static final ObjectMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private PrometheusOperator() {
	}

	record PodMonitor(String apiVersion, String kind, ObjectMeta metadata, PodMonitorSpec spec) {
	}

	record PodMonitorSpec(String jobLabel, List<String> podTargetLabels, LabelSelector selector,
			NamespaceSelector namespaceSelector, List<PodMetricsEndpoint> podMetricsEndpoints, Long sampleLimit,
			Long targetLimit) {
	}

	record NamespaceSelector(Boolean any, List<String> matchNames) {
	}

	record PodMetricsEndpoint(String port, Integer portNumber, String path, String scheme, String interval,
			String scrapeTimeout, Boolean honorLabels, Boolean honorTimestamps, Boolean filterRunning,
			List<RelabelConfig> relabelings, List<RelabelConfig> metricRelabelings) {
	}

	record RelabelConfig(List<String> sourceLabels, String separator, String targetLabel, String regex, Long modulus,
			String replacement, String action) {
	}

	record PrometheusRule(String apiVersion, String kind, ObjectMeta metadata, PrometheusRuleSpec spec) {
	}

	record PrometheusRuleSpec(List<RuleGroup> groups) {
	}

	record RuleGroup(String name, String interval, List<Rule> rules) {
	}

	record Rule(String alert, String record, String expr, @JsonProperty("for") String pendingFor,
			@JsonProperty("keep_firing_for") String keepFiringFor, Map<String, String> labels,
			Map<String, String> annotations) {
	}

	static boolean isPrometheusOperator(JsonNode document) {
		return API_VERSION.equals(document.path("apiVersion").asText());
	}

	static PodMonitor podMonitor(JsonNode document, List<String> problems) {
		PodMonitor podMonitor = read(document, PodMonitor.class, problems);
		if (podMonitor != null) {
			Manifests.collectUnknownFields(podMonitor.metadata(), "PodMonitor.metadata", problems);
			Manifests.collectUnknownFields(podMonitor.spec().selector(), "PodMonitor.spec.selector", problems);
		}
		return podMonitor;
	}

	static PrometheusRule prometheusRule(JsonNode document, List<String> problems) {
		PrometheusRule rule = read(document, PrometheusRule.class, problems);
		if (rule != null) {
			Manifests.collectUnknownFields(rule.metadata(), "PrometheusRule.metadata", problems);
		}
		return rule;
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
