package com.retail.inventory.infra.values;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.infra.Component;
import com.retail.inventory.infra.OutputKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Turns the deployed stacks' outputs into the Helm values the chart reads:
 *
 * <pre>
 * global.aws.region
 * components.&lt;service&gt;.serviceAccount.roleArn          (ingest, loader, stock-alert, dashboard)
 * resources.&lt;key of inventory-resources.properties&gt;     (every key: names as deployed, settings as in the file)
 * cognito.{userPoolId, clientId}
 * </pre>
 *
 * The ServiceAccount names are not values: the roles trust
 * {@code system:serviceaccount:<namespace>:<service>} and the chart names each
 * ServiceAccount after its service.
 *
 * <p>
 * {@code resources.no-stock-topic} holds the topic's ARN rather than its name: Spring
 * Cloud AWS publishes to an ARN as given, but resolves a bare name with sns:CreateTopic,
 * which the stock-alert role may not call.
 */
public final class HelmValues {

	private HelmValues() {
	}

	/**
	 * @param outputs the deployed stacks' outputs
	 * @param sharedFile {@link InventoryResources#entries()}: the settings deployed with
	 * the stacks (run from the checkout that was deployed)
	 * @throws IllegalArgumentException naming every output that is missing
	 */
	public static Map<String, Object> from(Map<String, String> outputs, Map<String, String> sharedFile) {
		List<String> missing = new ArrayList<>();
		Lookup lookup = key -> {
			String value = outputs.get(key);
			if (value == null || value.isBlank()) {
				// Collected to report all at once; the values are never returned with a
				// gap.
				missing.add(key);
				return "";
			}
			return value;
		};

		Map<String, Object> values = new LinkedHashMap<>();
		values.put("global", Map.of("aws", Map.of("region", lookup.get(OutputKeys.REGION))));

		Map<String, Object> components = new LinkedHashMap<>();
		for (Component component : Component.values()) {
			components.put(component.serviceName(),
					Map.of("serviceAccount", Map.of("roleArn", lookup.get(OutputKeys.roleArn(component)))));
		}
		values.put("components", components);

		Map<String, Object> resources = new LinkedHashMap<>();
		sharedFile
			.forEach((key, value) -> resources.put(key, value.matches("[0-9]+") ? Integer.valueOf(value) : value));
		for (String key : OutputKeys.RESOURCE_NAME_KEYS) {
			resources.put(key, lookup.get(OutputKeys.forResource(key)));
		}
		resources.put("no-stock-topic", lookup.get(OutputKeys.NO_STOCK_TOPIC_ARN));
		values.put("resources", resources);

		Map<String, Object> cognito = new LinkedHashMap<>();
		cognito.put("userPoolId", lookup.get(OutputKeys.USER_POOL_ID));
		cognito.put("clientId", lookup.get(OutputKeys.USER_POOL_CLIENT_ID));
		values.put("cognito", cognito);

		if (!missing.isEmpty()) {
			throw new IllegalArgumentException(
					"The stacks' outputs lack " + missing + ": are both stacks deployed from this version of infra/?");
		}
		return values;
	}

	public static String toYaml(Map<String, Object> values) {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		return "# Generated from the InventoryData and InventoryCluster stack outputs by infra's WriteHelmValues.\n"
				+ "# Regenerate after every cdk deploy instead of editing.\n" + new Yaml(options).dump(values);
	}

	@FunctionalInterface
	private interface Lookup {

		String get(String key);

	}

}
