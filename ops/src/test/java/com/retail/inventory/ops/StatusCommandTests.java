package com.retail.inventory.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StatusCommandTests {

	private final StringWriter err = new StringWriter();

	private final StringWriter out = new StringWriter();

	@Test
	void anUnknownResourceNameIsAUsageError() {
		assertThat(run("status", "--no-kubernetes", "--no-aws", "--resource", "no-such-thing=x")).isEqualTo(2);
		assertThat(this.err.toString()).contains("No resource named 'no-such-thing'");
	}

	@Test
	void aBadDurationIsAUsageError() {
		assertThat(run("status", "--max-behind", "soon")).isEqualTo(2);
		assertThat(this.err.toString()).contains("--max-behind");
	}

	@Test
	void withoutASubcommandItIsAUsageError() {
		assertThat(run()).isEqualTo(2);
	}

	@Test
	void nothingSelectedIsHealthy() {
		assertThat(run("status", "--no-kubernetes", "--no-aws")).isZero();
		assertThat(this.out.toString()).contains("Status: OK (exit code 0)");
	}

	private int run(String... args) {
		CommandLine command = InventoryCommand.commandLine();
		command.setOut(new PrintWriter(this.out));
		command.setErr(new PrintWriter(this.err));
		return command.execute(args);
	}

}
