package com.retail.inventory.ops;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code kubectl inventory dlq}: the dead-letter queues. The work is done by
 * {@code com.retail.inventory.ops.dlq}; the subcommands only parse and print.
 */
@Command(name = "dlq", mixinStandardHelpOptions = true, subcommands = { DlqListCommand.class, DlqRedriveCommand.class },
		description = { "Show and send back the dead-lettered messages: S3 notifications ingest failed on "
				+ "(upload-events dead-letter queue) and records the loader could not load (records dead-letter queue)." })
public final class DlqCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "Missing subcommand: list or redrive");
	}

}
