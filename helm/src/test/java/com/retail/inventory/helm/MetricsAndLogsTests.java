package com.retail.inventory.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chart's side of the metrics and logs contract (issue #11): the management port, the
 * optional PodMonitor, PrometheusRule and Grafana dashboard, and structured logs.
 */
class MetricsAndLogsTests {

	private static final List<String> COMPONENTS = RenderedManifestTests.COMPONENTS;

	private static final Map<String, Object> MONITORING_ON = Map.of("metrics.podMonitor.enabled", true,
			"metrics.prometheusRule.enabled", true, "metrics.grafanaDashboard.enabled", true);

	/**
	 * Each alert and the contract series its expression must name (rejected ingest rows
	 * are the stores' data, not a platform error: no rule uses them).
	 */
	private static final Map<String, String> ALERT_SERIES = Map.of("InventoryDlqNotEmpty", "inventory_dlq_messages",
			"InventoryConsumerBehind", "inventory_consumer_behind_seconds", "InventoryNoUploadProcessed",
			"inventory_ingest_uploads_total", "InventoryDashboardErrors", "http_server_requests_seconds_count",
			"InventoryAlertPublishFailures", "inventory_alerts_publish_failures_total", "InventoryTargetDown", "up");

	private static final Map<ValuesSet, Manifests.Release> RELEASES = new HashMap<>();

	private static synchronized Manifests.Release release(ValuesSet values) {
		return RELEASES.computeIfAbsent(values, v -> Manifests.parse(HelmChart.template(v)));
	}

	private static Manifests.Release monitoringOn() {
		return Manifests.parse(HelmChart.template(ValuesSet.DEFAULT, MONITORING_ON));
	}

	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void everyComponentServesManagementOnItsOwnPort(ValuesSet values) {
		Manifests.Release release = release(values);
		int managementPort = managementPort(values);

		assertThat(managementPort).isNotEqualTo(8080);
		for (String component : COMPONENTS) {
			Container container = container(release, component);
			assertThat(container.getPorts()).as(component)
				.extracting(ContainerPort::getName, ContainerPort::getContainerPort)
				.contains(tuple("http", 8080), tuple("management", managementPort));
			assertThat(release.one(ConfigMap.class, component + "-env").getData()).as(component)
				.containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort))
				.containsEntry("SERVER_PORT", "8080");
			assertThat(
					List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe()))
				.as(component + " probes")
				.allSatisfy(probe -> assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management"));
		}
	}

	@Test
	void theManagementPortIsOneValueEverywhere() {
		Manifests.Release release = Manifests
			.parse(HelmChart.template(ValuesSet.PROD, Map.of("global.managementPort", 9191)));

		for (String component : COMPONENTS) {
			assertThat(container(release, component).getPorts()).as(component)
				.anySatisfy(port -> assertThat(port.getContainerPort()).isEqualTo(9191));
			assertThat(release.one(ConfigMap.class, component + "-env").getData()).as(component)
				.containsEntry("MANAGEMENT_SERVER_PORT", "9191");
		}
		assertThat(release.one(Ingress.class, "dashboard").getMetadata().getAnnotations())
			.containsEntry("alb.ingress.kubernetes.io/healthcheck-port", "9191");
	}

	@Test
	void theAlbHealthChecksTheManagementPort() {
		assertThat(release(ValuesSet.PROD).one(Ingress.class, "dashboard").getMetadata().getAnnotations())
			.containsEntry("alb.ingress.kubernetes.io/healthcheck-port", "9090")
			.containsEntry("alb.ingress.kubernetes.io/healthcheck-path", "/actuator/health/readiness");
	}

	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void logsAreStructuredExceptLocally(ValuesSet values) {
		Manifests.Release release = release(values);

		for (String component : COMPONENTS) {
			Map<String, String> env = release.one(ConfigMap.class, component + "-env").getData();
			if (values == ValuesSet.LOCAL) {
				assertThat(env).as(component).doesNotContainKey("LOGGING_STRUCTURED_FORMAT_CONSOLE");
			}
			else {
				assertThat(env).as(component).containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
			}
		}
	}

	@Test
	void logFormatIsPassedToSpringBoot() {
		Manifests.Release logstash = Manifests
			.parse(HelmChart.template(ValuesSet.DEFAULT, Map.of("global.logFormat", "logstash")));
		Manifests.Release plain = Manifests
			.parse(HelmChart.template(ValuesSet.PROD, Map.of("global.logFormat", "plain")));

		for (String component : COMPONENTS) {
			assertThat(logstash.one(ConfigMap.class, component + "-env").getData()).as(component)
				.containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "logstash");
			assertThat(plain.one(ConfigMap.class, component + "-env").getData()).as(component)
				.doesNotContainKey("LOGGING_STRUCTURED_FORMAT_CONSOLE");
		}
	}

	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void monitoringObjectsAreOptIn(ValuesSet values) {
		Manifests.Release release = release(values);
		boolean on = values == ValuesSet.PROD;

		assertThat(release.podMonitors()).hasSize(on ? 1 : 0);
		assertThat(release.prometheusRules()).hasSize(on ? 1 : 0);
		assertThat(release.find(ConfigMap.class, "inventory-grafana-dashboard").isPresent()).as("dashboard ConfigMap")
			.isEqualTo(on);
		if (!on) {
			assertThat(release.objects()).extracting(object -> object.getApiVersion())
				.doesNotContain(PrometheusOperator.API_VERSION);
		}
	}

	@Test
	void podMonitorScrapesEveryComponentOnItsManagementPort() {
		Manifests.Release release = Manifests.parse(HelmChart.template(ValuesSet.DEFAULT,
				Map.of("metrics.podMonitor.enabled", true, "metrics.podMonitor.interval", "15s",
						"metrics.podMonitor.labels.release", "kube-prometheus-stack")));
		PrometheusOperator.PodMonitor podMonitor = release.podMonitors().get(0);

		assertThat(podMonitor.metadata().getNamespace()).isEqualTo(HelmChart.NAMESPACE);
		assertThat(podMonitor.metadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
		assertThat(podMonitor.spec().podMetricsEndpoints()).singleElement().satisfies(endpoint -> {
			assertThat(endpoint.port()).isEqualTo("management");
			assertThat(endpoint.path()).isEqualTo("/actuator/prometheus");
			assertThat(endpoint.interval()).isEqualTo("15s");
			assertThat(endpoint.relabelings()).anySatisfy(relabel -> {
				assertThat(relabel.sourceLabels())
					.containsExactly("__meta_kubernetes_pod_label_app_kubernetes_io_component");
				assertThat(relabel.targetLabel()).isEqualTo("component");
			});
		});
		for (String component : COMPONENTS) {
			Map<String, String> podLabels = release.one(Deployment.class, component)
				.getSpec()
				.getTemplate()
				.getMetadata()
				.getLabels();
			assertThat(selects(podMonitor, podLabels)).as(component + " selected").isTrue();
			// The rules and the dashboard select job="inventory-platform": the job is
			// this pod label.
			assertThat(podLabels).as(component).containsEntry(podMonitor.spec().jobLabel(), "inventory-platform");
			assertThat(container(release, component).getPorts()).extracting(ContainerPort::getName)
				.contains("management");
		}
		Map<String, String> testPod = Map.of("app.kubernetes.io/name", "inventory", "app.kubernetes.io/instance",
				HelmChart.RELEASE, "app.kubernetes.io/component", "helm-test");
		assertThat(selects(podMonitor, testPod)).as("helm test pod selected").isFalse();
	}

	@Test
	void podMonitorLeavesOutADisabledComponent() {
		PrometheusOperator.PodMonitor podMonitor = Manifests
			.parse(HelmChart.template(ValuesSet.DEFAULT,
					Map.of("metrics.podMonitor.enabled", true, "components.stock-alert.enabled", false)))
			.podMonitors()
			.get(0);

		assertThat(podMonitor.spec().selector().getMatchExpressions()).singleElement()
			.satisfies(requirement -> assertThat(requirement.getValues()).containsExactlyInAnyOrder("ingest", "loader",
					"dashboard"));
	}

	@Test
	void prometheusRuleAlertsOnTheContractSeries() {
		PrometheusOperator.PrometheusRule rule = monitoringOn().prometheusRules().get(0);
		List<PrometheusOperator.Rule> rules = rule.spec().groups().stream().flatMap(g -> g.rules().stream()).toList();
		Map<String, PrometheusOperator.Rule> byAlert = rules.stream()
			.collect(Collectors.toMap(PrometheusOperator.Rule::alert, r -> r));

		assertThat(byAlert).containsOnlyKeys(ALERT_SERIES.keySet());
		ALERT_SERIES.forEach((alert, series) -> {
			PrometheusOperator.Rule alertRule = byAlert.get(alert);
			PromQl.assertBalanced(alertRule.expr());
			assertThat(PromQl.seriesNames(alertRule.expr())).as(alert).contains(series).allSatisfy(name -> {
				assertThat(PromQl.isKnownSeries(name)).as(alert + ": " + name + " is a contract or standard series")
					.isTrue();
			});
			assertThat(PromQl.seriesNames(alertRule.expr())).as(alert).doesNotContain("inventory_ingest_rows_total");
			// Only this release's series: two installs scraped by one Prometheus alert
			// separately.
			assertThat(PromQl.selections(alertRule.expr())).as(alert)
				.isNotEmpty()
				.allSatisfy(selection -> assertThat(selection.equalities()).as(alert + " " + selection.series())
					.containsEntry("job", "inventory-platform")
					.containsEntry("namespace", HelmChart.NAMESPACE));
			assertThat(alertRule.pendingFor()).as(alert).matches("[0-9]+[smh]");
			assertThat(alertRule.labels()).as(alert).containsKey("severity");
			assertThat(alertRule.labels().get("severity")).isIn("warning", "critical");
			assertThat(alertRule.annotations()).as(alert).containsKeys("summary", "description", "runbook");
		});
	}

	@Test
	void prometheusRuleThresholdsAreTheAgreedOnes() {
		Map<String, PrometheusOperator.Rule> byAlert = monitoringOn().prometheusRules()
			.get(0)
			.spec()
			.groups()
			.stream()
			.flatMap(g -> g.rules().stream())
			.collect(Collectors.toMap(PrometheusOperator.Rule::alert, r -> r));

		assertThat(byAlert.get("InventoryDlqNotEmpty").expr()).endsWith("> 0");
		assertThat(byAlert.get("InventoryDlqNotEmpty").pendingFor()).isEqualTo("5m");
		assertThat(byAlert.get("InventoryConsumerBehind").expr()).endsWith("> 300");
		assertThat(byAlert.get("InventoryDashboardErrors").expr()).contains("status=~\"5..\"").endsWith("> 0.05");
		assertThat(byAlert.get("InventoryDashboardErrors").pendingFor()).isEqualTo("10m");
		assertThat(byAlert.get("InventoryAlertPublishFailures").expr())
			.contains("rate(inventory_alerts_publish_failures_total{")
			.endsWith("> 0");
		assertThat(byAlert.get("InventoryTargetDown").expr()).endsWith("== 0");
		// The uploads counter has no series until ingest's first upload: without the
		// fallback, "no upload at all" would be no result and never fire.
		assertThat(byAlert.get("InventoryNoUploadProcessed").expr())
			.contains("increase(inventory_ingest_uploads_total{")
			.contains("[1d]")
			.contains("or vector(0)")
			.contains("offset 1d");
	}

	@Test
	void alertTemplatesReachPrometheusUnrendered() {
		PrometheusOperator.PrometheusRule rule = monitoringOn().prometheusRules().get(0);
		List<String> annotations = new ArrayList<>();
		rule.spec().groups().forEach(g -> g.rules().forEach(r -> annotations.addAll(r.annotations().values())));

		// Helm must leave Prometheus' own {{ $labels.x }} templates in place.
		assertThat(annotations).anyMatch(text -> text.contains("{{ $labels.queue }}"))
			.anyMatch(text -> text.contains("{{ $value"));
	}

	@Test
	void grafanaDashboardIsValidJsonUsingOnlyKnownSeries() throws IOException {
		JsonNode dashboard = new ObjectMapper()
			.readTree(Files.readString(HelmChart.dir().resolve("dashboards/inventory.json")));
		List<String> expressions = new ArrayList<>();
		collectExpressions(dashboard.path("panels"), expressions);

		assertThat(dashboard.path("uid").asText()).isNotBlank();
		assertThat(expressions).isNotEmpty().allSatisfy(expr -> {
			PromQl.assertBalanced(expr);
			assertThat(PromQl.seriesNames(expr)).as(expr)
				.isNotEmpty()
				.allSatisfy(name -> assertThat(PromQl.isKnownSeries(name)).as(name + " in " + expr).isTrue());
			assertThat(PromQl.selections(expr)).as(expr)
				.allSatisfy(selection -> assertThat(selection.equalities()).as(expr)
					.containsEntry("job", "inventory-platform")
					.containsEntry("namespace", "$namespace"));
		});
		Set<String> shown = expressions.stream()
			.flatMap(expr -> PromQl.seriesNames(expr).stream())
			.collect(Collectors.toSet());
		assertThat(shown).as("every contract series is on the dashboard").containsAll(PromQl.CONTRACT_SERIES);
		assertThat(shown).contains("http_server_requests_seconds_bucket", "jvm_memory_used_bytes");
	}

	@Test
	void grafanaDashboardConfigMapCarriesTheFileForTheSidecar() throws IOException {
		ConfigMap configMap = release(ValuesSet.PROD).one(ConfigMap.class, "inventory-grafana-dashboard");
		ObjectMapper json = new ObjectMapper();

		assertThat(configMap.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
		assertThat(configMap.getMetadata().getAnnotations()).containsEntry("grafana_folder", "Inventory");
		assertThat(json.readTree(configMap.getData().get("inventory.json")))
			.isEqualTo(json.readTree(Files.readString(HelmChart.dir().resolve("dashboards/inventory.json"))));
	}

	@Test
	void notesWarnWhenTheNetworkPoliciesWouldBlockTheScrapes() {
		String blocked = HelmChart.notes(ValuesSet.DEFAULT, Map.of("metrics.podMonitor.enabled", true));
		String allowed = HelmChart.notes(ValuesSet.DEFAULT, Map.of("metrics.podMonitor.enabled", true,
				"networkPolicy.metricsScrapers[0].namespaceSelector.matchLabels.name", "monitoring"));

		assertThat(blocked).contains("networkPolicy.metricsScrapers is empty");
		assertThat(allowed).doesNotContain("networkPolicy.metricsScrapers is empty");
	}

	private static void collectExpressions(JsonNode panels, List<String> expressions) {
		for (JsonNode panel : panels) {
			panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
			collectExpressions(panel.path("panels"), expressions);
		}
	}

	/** LabelSelector semantics for the matchLabels and In/NotIn the chart uses. */
	private static boolean selects(PrometheusOperator.PodMonitor podMonitor, Map<String, String> labels) {
		var selector = podMonitor.spec().selector();
		boolean labelsMatch = labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
		for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
			String value = labels.get(requirement.getKey());
			boolean in = value != null && requirement.getValues().contains(value);
			switch (requirement.getOperator()) {
				case "In" -> labelsMatch &= in;
				case "NotIn" -> labelsMatch &= !in;
				default -> throw new AssertionError("unexpected operator " + requirement.getOperator());
			}
		}
		return labelsMatch;
	}

	private static Container container(Manifests.Release release, String component) {
		return release.one(Deployment.class, component).getSpec().getTemplate().getSpec().getContainers().get(0);
	}

	private static int managementPort(ValuesSet values) {
		Object global = HelmChart.values(values).get("global");
		return (Integer) ((Map<?, ?>) global).get("managementPort");
	}

}
