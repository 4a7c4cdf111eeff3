package com.retail.inventory.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.retail.inventory.infra.SynthesizedApp.Variant;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * cfn-lint over every synthesized template: no errors. Warnings are printed but allowed:
 * the ones it reports today (W3005, a redundant DependsOn) come from CDK's own
 * constructs.
 */
class CfnLintTests {

	/**
	 * cfn-lint's exit code is a bit mask: 2 = error, 4 = warning, 8 = informational; 1 =
	 * it failed to run.
	 */
	private static final int ERRORS = 2;

	private static final int CRASHED = 1;

	@ParameterizedTest
	@EnumSource(Variant.class)
	void synthesizedTemplatesHaveNoCfnLintErrors(Variant variant) throws IOException, InterruptedException {
		assumeTrue(cfnLintOnPath(), "cfn-lint is not on PATH (CI has it: pip install cfn-lint); not linting here");
		List<Path> templates = SynthesizedApp.of(variant).templateFiles();
		assertThat(templates).hasSize(2);

		List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable", "--"));
		templates.forEach(template -> command.add(template.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream().close();
		String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("cfn-lint finished").isTrue();
		int exit = process.exitValue();
		if (!report.isBlank()) {
			System.out.println("cfn-lint " + variant + ":\n" + report);
		}
		assertThat(exit & CRASHED).as("cfn-lint ran (exit %d):%n%s", exit, report).isZero();
		assertThat(exit & ERRORS).as("cfn-lint errors:%n%s", report).isZero();
	}

	private static boolean cfnLintOnPath() {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(File.pathSeparator)) {
			Path candidate = Path.of(directory, "cfn-lint");
			if (Files.isExecutable(candidate)) {
				return true;
			}
		}
		return false;
	}

}
