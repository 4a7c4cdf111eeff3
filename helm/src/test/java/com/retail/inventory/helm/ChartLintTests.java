package com.retail.inventory.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** helm lint --strict: warnings fail as errors do. */
class ChartLintTests {

	@ParameterizedTest
	@EnumSource(ValuesSet.class)
	void lintsCleanInStrictMode(ValuesSet values, @TempDir Path workDir) {
		LintResult result = HelmChart.lint(values, workDir);

		assertThat(result.getMessages()).as("lint messages")
			.noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
		assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
	}

}
