package com.retail.inventory.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The values files against the things they must agree with: the shared resource names,
 * the chart, the README.
 */
class ValuesContractTests {

	private static final String RESOURCE_PREFIX = "inventory.resources.";

	/**
	 * The one list of AWS resource names (contracts module): the chart must map every
	 * key, and only those.
	 */
	private static Map<String, String> contractResources() throws IOException {
		Path file = Path.of(System.getProperty("inventory.resources.file",
				"../contracts/src/main/resources/inventory-resources.properties"));
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		Map<String, String> resources = new TreeMap<>();
		properties.stringPropertyNames()
			.stream()
			.filter(name -> name.startsWith(RESOURCE_PREFIX))
			.forEach(name -> resources.put(name.substring(RESOURCE_PREFIX.length()), properties.getProperty(name)));
		return resources;
	}

	@Test
	void defaultResourceNamesAreTheContractFile() throws IOException {
		Map<String, String> defaults = new TreeMap<>();
		asMap(HelmChart.values(ValuesSet.DEFAULT).get("resources"))
			.forEach((key, value) -> defaults.put(key, String.valueOf(value)));

		assertThat(defaults).isEqualTo(contractResources());
	}

	@Test
	void schemaDeclaresExactlyTheContractResourceKeys() throws IOException {
		JsonNode schema = new ObjectMapper().readTree(Files.readString(HelmChart.dir().resolve("values.schema.json")));
		JsonNode resources = schema.path("properties").path("resources");
		List<String> declared = new ArrayList<>();
		resources.path("properties").fieldNames().forEachRemaining(declared::add);
		List<String> required = new ArrayList<>();
		resources.path("required").forEach(key -> required.add(key.asText()));

		assertThat(declared).containsExactlyInAnyOrderElementsOf(contractResources().keySet());
		assertThat(required).containsExactlyInAnyOrderElementsOf(contractResources().keySet());
	}

	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void everyValuesSetNamesEveryResource(ValuesSet values) throws IOException {
		assertThat(asMap(HelmChart.values(values).get("resources"))).containsOnlyKeys(contractResources().keySet());
	}

	/**
	 * Chart and images are released together: the default image tag is the chart's
	 * appVersion.
	 */
	@Test
	void defaultImageTagIsTheAppVersion() {
		Map<String, Object> chart = HelmChart.readYaml(HelmChart.dir().resolve("Chart.yaml"));
		Map<String, Object> image = asMap(asMap(HelmChart.values(ValuesSet.DEFAULT).get("global")).get("image"));

		assertThat(image.get("tag")).isEqualTo(chart.get("appVersion"));
	}

	private static final Pattern SECRET_NAME = Pattern
		.compile("(?i).*(secret|password|passwd|token|access_?key|private_?key|credential|api_?key).*");

	private static final List<Pattern> SECRET_VALUES = List.of(Pattern.compile("AKIA[0-9A-Z]{16}"),
			Pattern.compile("ASIA[0-9A-Z]{16}"), Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
			Pattern.compile("(?i)aws_secret_access_key\\s*[=:]\\s*\\S{20,}"));

	/**
	 * No credentials in values files: neither a secret-looking key with a literal value
	 * nor a known key format.
	 */
	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void valuesFilesHoldNoSecrets(ValuesSet values) throws IOException {
		Path file = values.overlay(HelmChart.dir()).orElse(HelmChart.dir().resolve("values.yaml"));
		String text = Files.readString(file);
		List<String> findings = new ArrayList<>();
		SECRET_VALUES.stream().filter(p -> p.matcher(text).find()).forEach(p -> findings.add("matches " + p));
		collectSecretLiterals(HelmChart.readYaml(file), "", findings);

		assertThat(findings).as(file.getFileName().toString()).isEmpty();
	}

	private static void collectSecretLiterals(Object node, String path, List<String> findings) {
		if (node instanceof Map<?, ?> map) {
			// An env entry {name: SOMETHING_SECRET, value: ...} carries the secret in
			// "value".
			if (map.get("name") instanceof String name && SECRET_NAME.matcher(name).matches()
					&& map.containsKey("value")) {
				findings.add(path + ": literal value for " + name);
			}
			map.forEach((key, value) -> {
				String childPath = path + "." + key;
				if (SECRET_NAME.matcher(String.valueOf(key)).matches() && !(value instanceof Map)
						&& !(value instanceof List)) {
					findings.add(childPath + ": secret-like key with a literal value");
				}
				collectSecretLiterals(value, childPath, findings);
			});
		}
		else if (node instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				collectSecretLiterals(list.get(i), path + "[" + i + "]", findings);
			}
		}
	}

	/**
	 * The README's value table documents every value in values.yaml. Component values are
	 * documented once as components.&lt;name&gt;.*, resource names once as
	 * resources.&lt;key&gt;.
	 */
	@Test
	void readmeDocumentsEveryValue() throws IOException {
		String readme = Files.readString(HelmChart.dir().resolve("README.md"));
		TreeSet<String> missing = new TreeSet<>();
		for (String path : leafPaths(HelmChart.values(ValuesSet.DEFAULT), "")) {
			String documented = path.replaceFirst("^components\\.[a-z-]+\\.", "components.<name>.")
				.replaceFirst("^resources\\..*", "resources.<key>");
			if (!readme.contains("`" + documented + "`")) {
				missing.add(documented);
			}
		}

		assertThat(missing).as("values missing from the README table").isEmpty();
	}

	private static List<String> leafPaths(Map<String, Object> map, String prefix) {
		List<String> paths = new ArrayList<>();
		map.forEach((key, value) -> {
			String path = prefix + key;
			if (value instanceof Map<?, ?> child && !child.isEmpty()) {
				paths.addAll(leafPaths(asMap(child), path + "."));
			}
			else {
				paths.add(path);
			}
		});
		return paths;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
	}

}
