package com.retail.inventory.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * values.schema.json rejects what must never be deployed, and the template's own checks
 * reject what a schema cannot express. Every case starts from the production example,
 * which is valid, and breaks one thing.
 */
class ValuesSchemaTests {

	static Stream<Arguments> invalidValues() {
		return Stream
			.of(arguments("the latest tag", Map.of("global.image.tag", "latest"), "/global/image/tag"),
					arguments("a Latest tag in any case", Map.of("global.image.tag", "Latest"), "/global/image/tag"),
					arguments("an empty tag", Map.of("global.image.tag", ""), "/global/image/tag"),
					arguments("a latest component tag", Map.of("components.loader.image.tag", "latest"),
							"/components/loader/image/tag"),
					arguments("a misspelt component key", Map.of("components.ingest.replica", 3),
							"additional properties 'replica' not allowed"),
					arguments("an unknown component", Map.of("components.reporter.enabled", true),
							"additional properties 'reporter' not allowed"),
					arguments("an unknown resource name", Map.of("resources.uploads-bukket", "x"),
							"additional properties 'uploads-bukket' not allowed"),
					arguments("an empty resource name", Map.of("resources.records-stream", ""),
							"/resources/records-stream"),
					arguments("a role ARN that is not one",
							Map.of("components.dashboard.serviceAccount.roleArn", "inventory-role"),
							"/components/dashboard/serviceAccount/roleArn"),
					arguments("a literal secret in extra env",
							Map.of("global.extraEnv[0].name", "AWS_SECRET_ACCESS_KEY", "global.extraEnv[0].value",
									"wJalr"),
							"/global/extraEnv/0"),
					arguments("a literal token in component env",
							Map.of("components.ingest.extraEnv[0].name", "API_TOKEN",
									"components.ingest.extraEnv[0].value", "t"),
							"/components/ingest/extraEnv/0"),
					arguments("running as root", Map.of("global.securityContext.runAsUser", 0),
							"/global/securityContext/runAsUser"),
					arguments("no memory limit", Map.of("components.ingest.resources.limits.memory", ""),
							"/components/ingest/resources/limits/memory"),
					arguments("an Ingress without host", Map.of("ingress.host", ""), "/ingress/host"),
					arguments("a malformed Cognito pool ID", Map.of("cognito.userPoolId", "my-pool"),
							"/cognito/userPoolId"),
					arguments("KEDA with both a role and the workload identity",
							Map.of("keda.roleArn", "arn:aws:iam::123456789012:role/keda", "keda.identityOwner",
									"workload"),
							"/keda/identityOwner"),
					arguments("a non-numeric shard count", Map.of("resources.records-stream-shards", "four"),
							"/resources/records-stream-shards"),
					arguments("a log format Spring Boot does not know", Map.of("global.logFormat", "json"),
							"/global/logFormat"),
					arguments("the management port on the app port", Map.of("global.managementPort", 8080),
							"/global/managementPort"),
					arguments("a privileged management port", Map.of("global.managementPort", 90),
							"/global/managementPort"),
					arguments("a scrape interval that is no duration",
							Map.of("metrics.podMonitor.interval", "30 seconds"), "/metrics/podMonitor/interval"),
					// The chart renders a PodMonitor, not ServiceMonitors: the other name
					// is
					// refused rather than silently ignored.
					arguments("a ServiceMonitor switch", Map.of("metrics.serviceMonitor.enabled", true),
							"additional properties 'serviceMonitor' not allowed"),
					arguments("a misspelt Grafana switch", Map.of("metrics.grafanaDashboard.enable", true),
							"additional properties 'enable' not allowed"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidValues")
	void schemaRejects(String description, Map<String, Object> overrides, String expectedInMessage) {
		assertThatThrownBy(() -> HelmChart.template(ValuesSet.PROD, overrides))
			.hasMessageContaining("values don't meet the specifications of the schema")
			.hasMessageContaining(expectedInMessage);
	}

	@Test
	void gracePeriodShorterThanTheShutdownIsRejected() {
		assertThatThrownBy(() -> HelmChart.template(ValuesSet.PROD,
				Map.of("components.dashboard.shutdown.terminationGracePeriodSeconds", 40)))
			.hasMessageContaining("components.dashboard.shutdown.terminationGracePeriodSeconds (40) must be at least")
			.hasMessageContaining("= 60");
	}

	@Test
	void minReplicasAboveMaxReplicasIsRejected() {
		assertThatThrownBy(
				() -> HelmChart.template(ValuesSet.PROD, Map.of("components.loader.autoscaling.minReplicas", 9)))
			.hasMessageContaining("components.loader.autoscaling: minReplicas (9) must not exceed maxReplicas (5)");
	}

	@Test
	void validOverridesStillRender() {
		// The counterpart of the rejections above: the same keys with good values are
		// accepted.
		String manifests = HelmChart.template(ValuesSet.PROD,
				Map.of("components.loader.image.tag", "0.1.1-rc.1", "global.extraEnv[0].name", "AWS_SECRET_ACCESS_KEY",
						"global.extraEnv[0].valueFrom.secretKeyRef.name", "aws",
						"global.extraEnv[0].valueFrom.secretKeyRef.key", "secret"));

		assertThat(manifests).contains("/inventory-loader:0.1.1-rc.1\"").contains("secretKeyRef");
		for (String format : List.of("ecs", "logstash", "gelf", "plain")) {
			assertThat(HelmChart.template(ValuesSet.PROD, Map.of("global.logFormat", format))).as(format).isNotEmpty();
		}
	}

	/**
	 * Without additionalProperties: false, a misspelt key is silently ignored and the
	 * default used. Every object in the schema must either close its property list or
	 * constrain its values (string maps such as labels).
	 */
	@Test
	void everySchemaObjectRejectsUnknownKeys() throws IOException {
		JsonNode schema = new ObjectMapper().readTree(Files.readString(HelmChart.dir().resolve("values.schema.json")));
		List<String> open = new ArrayList<>();
		collectOpenObjects(schema, "#", open);

		assertThat(open).as("schema objects that accept any key").isEmpty();
	}

	private static void collectOpenObjects(JsonNode node, String path, List<String> open) {
		if (node.isObject()) {
			boolean isObjectSchema = node.path("type").asText().equals("object") || node.has("properties");
			if (isObjectSchema
					&& !(node.path("additionalProperties").isBoolean() && !node.get("additionalProperties").asBoolean())
					&& !node.path("additionalProperties").isObject()) {
				open.add(path);
			}
			node.fields().forEachRemaining(field -> {
				// if/then/not hold conditions on values, not descriptions of them.
				if (!List.of("if", "then", "not").contains(field.getKey())) {
					collectOpenObjects(field.getValue(), path + "/" + field.getKey(), open);
				}
			});
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collectOpenObjects(node.get(i), path + "/" + i, open);
			}
		}
	}

}
