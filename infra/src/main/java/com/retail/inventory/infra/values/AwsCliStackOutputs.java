package com.retail.inventory.infra.values;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Gets a deployed stack's outputs with the AWS CLI, so the command uses whatever
 * credentials, profile and region the operator's CLI is configured with (SSO included)
 * and needs no AWS SDK.
 */
public final class AwsCliStackOutputs {

	private static final long TIMEOUT_SECONDS = 120;

	private final List<String> awsCommand;

	private final String region;

	/**
	 * @param awsCommand the CLI to run, normally {@code ["aws"]}
	 * @param region passed as {@code --region}; null for the CLI's configured region
	 */
	public AwsCliStackOutputs(List<String> awsCommand, String region) {
		this.awsCommand = List.copyOf(awsCommand);
		this.region = region;
	}

	public Map<String, String> outputsOf(String stackName) {
		List<String> command = new ArrayList<>(awsCommand);
		command.addAll(List.of("cloudformation", "describe-stacks", "--stack-name", stackName, "--output", "json"));
		if (region != null) {
			command.addAll(List.of("--region", region));
		}
		try {
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
			process.getOutputStream().close();
			String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(
						String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						String.join(" ", command) + " failed with exit code " + process.exitValue() + " (see above)");
			}
			return StackOutputs.parseDescribeStacks(stdout);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run " + command.get(0) + ": is the AWS CLI installed?", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running the AWS CLI", ex);
		}
	}

}
