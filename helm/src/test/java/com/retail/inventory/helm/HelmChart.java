package com.retail.inventory.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chart under test, driven through helm-java (Helm as an in-process native library:
 * no helm binary, no cluster). Every render uses the same release name and namespace as
 * the documented install.
 */
final class HelmChart {

	static final String RELEASE = "inventory";

	static final String NAMESPACE = "inventory";

	/**
	 * helm template defaults to Kubernetes 1.20, below the chart's kubeVersion; EKS runs
	 * 1.30+.
	 */
	static final String KUBE_VERSION = "1.32.0";

	/**
	 * Test hooks are renamed to this annotation in a chart copy so that helm-java renders
	 * them; see renderHooks.
	 */
	static final String HOOK_PREVIEW_ANNOTATION = "preview.helm.sh/hook";

	private static final ObjectMapper YAML = new YAMLMapper();

	private HelmChart() {
	}

	static Path dir() {
		return Path.of(System.getProperty("chart.dir", "inventory")).toAbsolutePath().normalize();
	}

	static String template(ValuesSet values) {
		return template(dir(), values, Map.of());
	}

	/**
	 * helm template with the values set plus --set overrides; a schema violation or
	 * fail() throws.
	 */
	static String template(ValuesSet values, Map<String, Object> overrides) {
		return template(dir(), values, overrides);
	}

	private static String template(Path chartDir, ValuesSet values, Map<String, Object> overrides) {
		TemplateCommand command = new Helm(chartDir).template()
			.withName(RELEASE)
			.withNamespace(NAMESPACE)
			.withKubeVersion(KUBE_VERSION);
		values.overlay(dir()).ifPresent(command::withValuesFile);
		overrides.forEach(command::set);
		return command.call();
	}

	/** The NOTES.txt text of an install, from a client-only dry run. */
	static String notes(ValuesSet values, Map<String, Object> overrides) {
		var install = new Helm(dir()).install()
			.withName(RELEASE)
			.withNamespace(NAMESPACE)
			.withKubeVersion(KUBE_VERSION)
			.dryRun()
			.clientOnly();
		values.overlay(dir()).ifPresent(install::withValuesFile);
		overrides.forEach(install::set);
		String output = install.call().getOutput();
		int notes = output.indexOf("NOTES:");
		return notes < 0 ? "" : output.substring(notes);
	}

	/**
	 * The test hooks, rendered. helm-java's template returns the release manifest only,
	 * which excludes hooks (the helm CLI prints them too). So in a copy of the chart the
	 * hook annotation key is renamed to {@link #HOOK_PREVIEW_ANNOTATION}: the hooks then
	 * render as ordinary manifests, recognisable by that key, and everything else about
	 * them is exactly what `helm test` would create.
	 */
	static String renderHooks(ValuesSet values, Path workDir) {
		Path copy = copyChart(workDir);
		try (Stream<Path> files = Files.list(copy.resolve("templates/tests"))) {
			for (Path file : files.toList()) {
				Files.writeString(file, Files.readString(file).replace("helm.sh/hook:", HOOK_PREVIEW_ANNOTATION + ":"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return template(copy, values, Map.of());
	}

	/**
	 * helm lint --strict with a values set. helm-java's lint takes no values file, so a
	 * copy of the chart gets values.yaml merged with the overlay the way Helm merges them
	 * (maps deep-merged, anything else replaced).
	 */
	static LintResult lint(ValuesSet values, Path workDir) {
		Path chart = dir();
		if (values.overlay(chart).isPresent()) {
			chart = copyChart(workDir);
			Map<String, Object> merged = merge(readYaml(chart.resolve("values.yaml")),
					readYaml(values.overlay(dir()).orElseThrow()));
			try {
				YAML.writeValue(chart.resolve("values.yaml").toFile(), merged);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return new Helm(chart).lint().strict().call();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> readYaml(Path file) {
		try {
			Map<String, Object> map = YAML.readValue(file.toFile(), Map.class);
			return map == null ? new LinkedHashMap<>() : map;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The values Helm would compute: values.yaml with the set's overlay. */
	static Map<String, Object> values(ValuesSet values) {
		Map<String, Object> defaults = readYaml(dir().resolve("values.yaml"));
		return values.overlay(dir()).map(overlay -> merge(defaults, readYaml(overlay))).orElse(defaults);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
		Map<String, Object> merged = new LinkedHashMap<>(base);
		overlay.forEach((key, value) -> {
			Object current = merged.get(key);
			if (current instanceof Map && value instanceof Map) {
				merged.put(key, merge((Map<String, Object>) current, (Map<String, Object>) value));
			}
			else {
				merged.put(key, value);
			}
		});
		return merged;
	}

	private static Path copyChart(Path workDir) {
		Path source = dir();
		Path target = workDir.resolve("inventory");
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				Path destination = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(path, destination);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return target;
	}

}
