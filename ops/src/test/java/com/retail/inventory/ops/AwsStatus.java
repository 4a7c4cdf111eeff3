package com.retail.inventory.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code status --no-kubernetes -o json} in process with the AWS clients the command
 * builds itself: the SDK's standard settings, which LocalAwsExtension points at the
 * emulators.
 */
final class AwsStatus {

	private final Clock clock;

	private int exitCode;

	private JsonNode json;

	AwsStatus(Clock clock) {
		this.clock = clock;
	}

	AwsStatus run(String... options) {
		List<String> args = new ArrayList<>(List.of("-o", "json"));
		args.addAll(List.of(options));
		this.json = JsonMapper.builder().build().readTree(execute(args));
		return this;
	}

	/** The human output ({@code -o table}). */
	String text(String... options) {
		return execute(List.of(options));
	}

	private String execute(List<String> options) {
		StringWriter out = new StringWriter();
		CommandLine command = InventoryCommand.commandLine(new CommandLine.IFactory() {
			@Override
			public <K> K create(Class<K> type) throws Exception {
				if (type == StatusCommand.class) {
					return type.cast(new StatusCommand(new CommandClients((kubernetes) -> {
						throw new IllegalStateException("no Kubernetes in this test");
					}, AwsClients::new, AwsStatus.this.clock)));
				}
				return CommandLine.defaultFactory().create(type);
			}
		});
		command.setOut(new PrintWriter(out));
		List<String> args = new ArrayList<>(List.of("status", "--no-kubernetes"));
		args.addAll(options);
		this.exitCode = command.execute(args.toArray(String[]::new));
		return out.toString();
	}

	int exitCode() {
		return this.exitCode;
	}

	JsonNode section(String name) {
		return this.json.get("sections").get(name);
	}

	@Override
	public String toString() {
		return this.json.toPrettyString();
	}

}
