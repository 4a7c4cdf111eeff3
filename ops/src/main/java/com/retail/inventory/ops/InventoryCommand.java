package com.retail.inventory.ops;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code kubectl inventory}: the operator's commands for the platform. kubectl runs any
 * {@code kubectl-<name>} executable on the PATH as {@code kubectl <name>}; the launcher
 * {@code ops/bin/kubectl-inventory} runs this class. Each operation is a subcommand.
 */
@Command(name = "kubectl inventory", mixinStandardHelpOptions = true, versionProvider = ImplementationVersion.class,
		subcommands = { StatusCommand.class, DlqCommand.class, PauseCommand.class, ResumeCommand.class,
				ReplayCommand.class, CommandLine.HelpCommand.class },
		description = "Operate the inventory platform: its Kubernetes workloads and its AWS resources.",
		footer = { "", "Exit codes: 0 healthy (status) or done, 1 something unhealthy or dead-lettered, "
				+ "2 usage error, refused, or something could not be read." })
public final class InventoryCommand implements Runnable {

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	/** The command line as main runs it; tests execute it in process. */
	public static CommandLine commandLine() {
		return new CommandLine(new InventoryCommand());
	}

	/** The command line with the subcommands made by a factory (tests give theirs). */
	public static CommandLine commandLine(CommandLine.IFactory factory) {
		return new CommandLine(new InventoryCommand(), factory);
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "Missing subcommand (e.g. status)");
	}

}
