package com.retail.inventory.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered PrometheusRule evaluated by Prometheus' own promtool: `check rules` parses
 * every expression and annotation template, `test rules` runs the cases in
 * {@code promtool/inventory-rules-test.yaml} (each alert fires on its condition and stays
 * quiet below it, the no-upload alert with no uploads series at all and not on a fresh
 * install). promtool is not a Maven artifact: the test runs where it is on the PATH or
 * given as -Dpromtool=/path (Debian's package prometheus ships it) and is skipped
 * elsewhere; {@link MetricsAndLogsTests} checks the rule's structure everywhere.
 */
class PrometheusRulePromtoolTests {

	private static final YAMLMapper YAML = new YAMLMapper();

	@Test
	void rulesParseAndFireAsSpecified(@TempDir Path workDir) throws IOException, InterruptedException {
		Optional<Path> promtool = promtool();
		assumeTrue(promtool.isPresent(), "promtool not found (PATH or -Dpromtool)");
		JsonNode spec = Manifests
			.documents(HelmChart.template(ValuesSet.DEFAULT, Map.of("metrics.prometheusRule.enabled", true)))
			.stream()
			.filter(document -> document.path("kind").asText().equals("PrometheusRule"))
			.findFirst()
			.orElseThrow()
			.get("spec");
		Path full = workDir.resolve("rules-full.yaml");
		YAML.writeValue(full.toFile(), spec);
		JsonNode withoutAnnotations = spec.deepCopy();
		withoutAnnotations.path("groups")
			.forEach(group -> group.path("rules").forEach(rule -> ((ObjectNode) rule).remove("annotations")));
		YAML.writeValue(workDir.resolve("rules.yaml").toFile(), withoutAnnotations);
		Path cases = workDir.resolve("inventory-rules-test.yaml");
		try (InputStream in = getClass().getResourceAsStream("/promtool/inventory-rules-test.yaml")) {
			Files.copy(in, cases);
		}

		Result check = run(workDir, promtool.get().toString(), "check", "rules", full.toString());
		Result test = run(workDir, promtool.get().toString(), "test", "rules", cases.toString());

		assertThat(check.exitCode()).as(check.output()).isZero();
		assertThat(check.output()).contains("SUCCESS: 6 rules found");
		assertThat(test.exitCode()).as(test.output()).isZero();
	}

	private record Result(int exitCode, String output) {
	}

	private static Result run(Path workDir, String... command) throws IOException, InterruptedException {
		Path log = Files.createTempFile(workDir, "promtool", ".log");
		Process process = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("promtool did not finish in 60 s");
		}
		return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
	}

	private static Optional<Path> promtool() {
		String configured = System.getProperty("promtool");
		if (configured != null && !configured.isBlank()) {
			return Optional.of(Path.of(configured)).filter(Files::isExecutable);
		}
		return Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator))
			.filter(dir -> !dir.isBlank())
			.map(dir -> Path.of(dir, "promtool"))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
