package com.retail.inventory.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict parser itself: it must catch the typos that fabric8 alone would swallow. */
class StrictManifestsTests {

	private static final String DEPLOYMENT = """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: ingest
			spec:
			  selector:
			    matchLabels: {app: ingest}
			  template:
			    metadata:
			      labels: {app: ingest}
			    spec:
			      containers:
			        - name: ingest
			          image: localhost/inventory-ingest:0.1.0
			          %s
			""";

	@Test
	void acceptsAValidManifest() {
		Manifests.Release release = Manifests.parse(DEPLOYMENT.formatted("imagePullPolicy: IfNotPresent"));

		assertThat(release.one(Deployment.class, "ingest").getSpec().getTemplate().getSpec().getContainers())
			.singleElement()
			.satisfies(container -> assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent"));
	}

	@Test
	void reportsEveryMisspeltFieldWithItsPath() {
		List<String> problems = new ArrayList<>();
		Manifests.parse(DEPLOYMENT.formatted("""
				readinesProbe: {httpGet: {path: /actuator/health/readiness, port: http}}
				          securityContext: {runAsNonroot: true}"""), problems);

		assertThat(problems).containsExactlyInAnyOrder(
				"Deployment/ingest.spec.template.spec.containers[0].readinesProbe: unknown field",
				"Deployment/ingest.spec.template.spec.containers[0].securityContext.runAsNonroot: unknown field");
	}

	@Test
	void rejectsAnUnknownKind() {
		assertThatThrownBy(() -> Manifests.parse("""
				apiVersion: apps/v1
				kind: Deploymnet
				metadata: {name: ingest}
				""")).hasMessageContaining("Deploymnet/ingest: unknown apiVersion/kind apps/v1");
	}

	@Test
	void checksKedaResourcesAgainstTheirOwnModel() {
		List<String> problems = new ArrayList<>();
		Manifests.parse("""
				apiVersion: keda.sh/v1alpha1
				kind: ScaledObject
				metadata: {name: ingest}
				spec:
				  scaleTargetRef: {name: ingest}
				  maxReplicaCount: 4
				  triggers:
				    - type: aws-sqs-queue
				      metadata:
				        queueURL: inventory-upload-events
				        queueLenght: "5"
				        awsRegion: eu-west-1
				---
				apiVersion: keda.sh/v1alpha1
				kind: ScaledObject
				metadata: {name: loader}
				spec:
				  scaleTargetRef: {name: loader}
				  maxReplicas: 4
				  triggers:
				    - type: cpu
				      metadata: {value: 70}
				""", problems);

		assertThat(problems)
			.anyMatch(p -> p.contains("triggers[0].metadata.queueLenght: not a parameter of the aws-sqs-queue scaler"))
			.anyMatch(p -> p.contains("Unrecognized field \"maxReplicas\""));
	}

	@Test
	void kedaTriggerMetadataMustBeStrings() {
		List<String> problems = new ArrayList<>();
		Manifests.parse("""
				apiVersion: keda.sh/v1alpha1
				kind: ScaledObject
				metadata: {name: ingest}
				spec:
				  scaleTargetRef: {name: ingest}
				  triggers:
				    - type: cpu
				      metricType: Utilization
				      metadata: {value: 70}
				""", problems);

		assertThat(problems)
			.containsExactly("ScaledObject.spec.triggers[0].metadata.value: must be a string, is NUMBER");
	}

	@Test
	void checksPrometheusOperatorResourcesAgainstTheirOwnModel() {
		List<String> problems = new ArrayList<>();
		Manifests.Release release = Manifests.parse("""
				apiVersion: monitoring.coreos.com/v1
				kind: PodMonitor
				metadata: {name: inventory}
				spec:
				  selector:
				    matchLabel: {app: inventory}
				  podMetricsEndpoints:
				    - port: management
				      pth: /actuator/prometheus
				---
				apiVersion: monitoring.coreos.com/v1
				kind: PrometheusRule
				metadata: {name: inventory}
				spec:
				  groups:
				    - name: inventory
				      rules:
				        - alert: Down
				          expr: up == 0
				          for: 5m
				          labels: {severity: warning}
				""", problems);

		assertThat(problems).anyMatch(p -> p.contains("Unrecognized field \"pth\""));
		assertThat(release.prometheusRules()).singleElement()
			.satisfies(rule -> assertThat(rule.spec().groups().get(0).rules().get(0).pendingFor()).isEqualTo("5m"));
	}

	@Test
	void reportsAMisspeltLabelSelectorFieldInAPodMonitor() {
		List<String> problems = new ArrayList<>();
		Manifests.parse("""
				apiVersion: monitoring.coreos.com/v1
				kind: PodMonitor
				metadata: {name: inventory}
				spec:
				  selector:
				    matchLabel: {app: inventory}
				  podMetricsEndpoints:
				    - port: management
				""", problems);

		assertThat(problems).containsExactly("PodMonitor.spec.selector.matchLabel: unknown field");
	}

}
