package com.retail.inventory.infra.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.infra.Component;
import com.retail.inventory.infra.OutputKeys;
import com.retail.inventory.infra.SynthesizedApp;
import com.retail.inventory.infra.SynthesizedApp.Variant;
import com.retail.inventory.infra.TemplateResources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm values made from sample describe-stacks output: shape, values, and refusal of
 * incomplete input.
 */
class HelmValuesTests {

	static String sample(String stack) throws IOException {
		try (InputStream in = HelmValuesTests.class.getResourceAsStream("/describe-stacks/" + stack + ".json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static Map<String, String> sampleOutputs() throws IOException {
		return StackOutputs.merge(List.of(StackOutputs.parseDescribeStacks(sample("InventoryData")),
				StackOutputs.parseDescribeStacks(sample("InventoryCluster"))));
	}

	@Test
	@SuppressWarnings("unchecked")
	void valuesHaveTheShapeTheChartReads() throws IOException {
		String yaml = HelmValues.toYaml(HelmValues.from(sampleOutputs(), InventoryResources.load().entries()));
		Map<String, Object> values = new Yaml().load(yaml);

		assertThat(values).containsOnlyKeys("global", "components", "resources", "cognito");
		assertThat(values.get("global")).isEqualTo(Map.of("aws", Map.of("region", "eu-west-1")));
		assertThat(values.get("components")).isEqualTo(Map.of("ingest",
				serviceAccount("arn:aws:iam::123456789012:role/InventoryCluster-IngestRole-AAAA"), "loader",
				serviceAccount("arn:aws:iam::123456789012:role/InventoryCluster-LoaderRole-BBBB"), "stock-alert",
				serviceAccount("arn:aws:iam::123456789012:role/InventoryCluster-StockAlertRole-CCCC"), "dashboard",
				serviceAccount("arn:aws:iam::123456789012:role/InventoryCluster-DashboardRole-DDDD")));
		assertThat(values.get("cognito"))
			.isEqualTo(Map.of("userPoolId", "eu-west-1_AbCdEfGhI", "clientId", "1example23456789abcdefghij"));

		Map<String, Object> resources = (Map<String, Object>) values.get("resources");
		assertThat(resources).as("every key of the shared file, as the chart requires")
			.containsOnlyKeys(InventoryResources.load().entries().keySet());
		assertThat(resources.get("uploads-bucket")).isEqualTo("inventory-uploads-123456789012-eu-west-1");
		assertThat(resources.get("inventory-table")).isEqualTo("Inventory");
		assertThat(resources.get("loader-lease-table")).as("the deployed name, from its output")
			.isEqualTo("InventoryLoaderLeases");
		assertThat(resources.get("stock-alert-worker-metrics-table")).isEqualTo("InventoryStockAlertWorkerMetrics");
		assertThat(resources.get("no-stock-topic")).as("publishers get the ARN")
			.isEqualTo("arn:aws:sns:eu-west-1:123456789012:NoStock");
		assertThat(resources.get("stream-retention-hours")).as("settings come from the shared file").isEqualTo(24);
		assertThat(resources.get("upload-events-max-receives")).as("numbers stay numbers").isEqualTo(5);
		assertThat(resources.get("records-dlq")).as("the loader's dead-letter queue, by name")
			.isEqualTo("inventory-records-dlq");
		assertThat(resources.get("records-dlq-retention-days")).isEqualTo(14);
		assertThat(resources.get("uploads-table")).isEqualTo("InventoryUploads");
		assertThat(resources.get("thresholds-table")).as("the deployed name, from its output")
			.isEqualTo("InventoryThresholds");
		assertThat(resources.get("uploads-retention-days")).isEqualTo(90);
		assertThat(yaml).startsWith("# Generated from");
	}

	@Test
	void missingOutputsAreAllNamedAtOnce() throws IOException {
		Map<String, String> outputs = new HashMap<>(sampleOutputs());
		outputs.remove("LoaderRoleArn");
		outputs.remove("UserPoolId");
		outputs.remove("ResourceRecordsDlq");
		outputs.remove("ResourceThresholdsTable");
		assertThatThrownBy(() -> HelmValues.from(outputs, InventoryResources.load().entries()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("LoaderRoleArn")
			.hasMessageContaining("UserPoolId")
			.hasMessageContaining("ResourceRecordsDlq")
			.hasMessageContaining("ResourceThresholdsTable");
	}

	@Test
	void theStacksDeclareEveryOutputTheValuesNeed() {
		SynthesizedApp app = SynthesizedApp.of(Variant.DEFAULTS);
		Map<String, String> fakeDeployed = new LinkedHashMap<>();
		for (Map<String, Object> template : List.of(app.dataJson(), app.clusterJson())) {
			new TemplateResources(template).outputs().keySet().forEach(key -> fakeDeployed.put(key, "value-of-" + key));
		}
		Map<String, Object> values = HelmValues.from(fakeDeployed, InventoryResources.load().entries());
		assertThat(values).containsKeys("global", "components", "resources", "cognito");
		for (Component component : Component.values()) {
			assertThat(fakeDeployed).containsKey(OutputKeys.roleArn(component));
		}
		assertThat(fakeDeployed).containsKey("ResourceRecordsDlq");
		assertThat(values.get("resources")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("records-dlq", "value-of-ResourceRecordsDlq");
	}

	@Test
	void stacksThatFailedOrOutputTheSameKeyTwiceAreRefused() throws IOException {
		assertThatThrownBy(() -> StackOutputs
			.parseDescribeStacks(sample("InventoryData").replace("UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE")))
			.hasMessageContaining("UPDATE_ROLLBACK_COMPLETE");
		Map<String, String> data = StackOutputs.parseDescribeStacks(sample("InventoryData"));
		assertThatThrownBy(() -> StackOutputs.merge(List.of(data, data))).hasMessageContaining("more than one stack");
		assertThatThrownBy(() -> StackOutputs.parseDescribeStacks("{\"Reservations\": []}"))
			.hasMessageContaining("describe-stacks");
	}

	private static Map<String, Object> serviceAccount(String roleArn) {
		return Map.of("serviceAccount", Map.of("roleArn", roleArn));
	}

}
