package com.retail.inventory.ops;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.ops.replay.Replay;
import com.retail.inventory.ops.replay.ReplayLease;
import com.retail.inventory.ops.replay.ReplayRefusedException;
import com.retail.inventory.ops.replay.StartPosition;
import com.retail.inventory.ops.scale.PauseRefusedException;
import com.retail.inventory.ops.status.ConsumerGroup;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubectl inventory replay}: re-reads a consumer group's stream from a time. The
 * work is done by {@link Replay} in {@code com.retail.inventory.ops.replay}.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, description = {
		"Replay a consumer group from a time: stop its Deployment, move each shard's checkpoint in its lease table "
				+ "to the last record before --from (or TRIM_HORIZON), start the Deployment again.",
		"Holds the Lease inventory-replay in the namespace meanwhile: one replay at a time.",
		"Exit code: 0 done, 1 declined or a lease changed meanwhile (left as it was), 2 usage error, another "
				+ "replay running, or the pods did not stop in time (the Deployment is restored)." })
public final class ReplayCommand implements Callable<Integer> {

	@Mixin
	KubernetesOptions kubernetes = new KubernetesOptions();

	@Mixin
	ResourceOptions names = new ResourceOptions();

	@Option(names = "--group", required = true, paramLabel = "loader|stock-alert",
			description = "The consumer group (and Deployment) to replay.")
	String group;

	@Option(names = "--from", required = true, paramLabel = "TIME|TRIM_HORIZON",
			description = "An ISO-8601 time with offset (2026-12-03T06:00:00Z): the group resumes with the first "
					+ "record that arrived at or after it; TRIM_HORIZON: with the oldest record each shard has.")
	String from;

	@Option(names = "--timeout", defaultValue = "5m", paramLabel = "DURATION",
			converter = StatusCommand.DurationConverter.class,
			description = "How long to wait for the pods to stop (default: ${DEFAULT-VALUE}).")
	Duration timeout;

	@Option(names = "--yes", description = "Do not ask for confirmation.")
	boolean yes;

	@Option(names = "--dry-run", description = "Show the checkpoints that would change; scale and write nothing.")
	boolean dryRun;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	private final CommandClients clients;

	public ReplayCommand() {
		this(CommandClients.fromEnvironment());
	}

	/** For tests: the clients to use instead of those from the environment. */
	ReplayCommand(CommandClients clients) {
		this.clients = clients;
	}

	@Override
	public Integer call() {
		ConsumerGroup consumer;
		StartPosition position;
		try {
			InventoryResources resources = this.names.resources();
			consumer = ConsumerGroup.named(resources, this.group);
			position = StartPosition.parse(this.from);
		}
		catch (IllegalArgumentException ex) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
		}
		if (!position.trimHorizon() && position.timestamp().isAfter(this.clients.clock().instant())) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), "--from is in the future: " + this.from);
		}
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		try (KubernetesClient kubernetesClient = this.clients.kubernetes().apply(this.kubernetes);
				AwsClients aws = this.clients.aws().get()) {
			Replay replay = new Replay(kubernetesClient, this.kubernetes.namespace(), aws.kinesis(), aws.dynamoDb(),
					consumer, this.clients.clock(), out);
			try {
				return replay.run(position, this.timeout, this.dryRun, this.yes ? (question) -> true : this::ask,
						ReplayLease.thisProcess());
			}
			finally {
				// What finding the positions cost depends on the shards' traffic.
				out.println("AWS requests: " + aws.requests().total() + " " + aws.requests().counts());
				out.flush();
			}
		}
		catch (ReplayRefusedException | PauseRefusedException ex) {
			err.println("replay: " + ex.getMessage());
			err.flush();
			return 2;
		}
		catch (RuntimeException ex) {
			// An API error (the Deployment and Lease were restored on the way out).
			err.println("replay failed: " + ex);
			err.flush();
			return 2;
		}
	}

	/** Asks on the terminal; without one, only --yes can confirm. */
	private boolean ask(String question) {
		Console console = System.console();
		if (console == null) {
			throw new ReplayRefusedException("no terminal to confirm on: run with --yes (or --dry-run first)");
		}
		String answer = console.readLine("%s [y/N] ", question);
		return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
	}

}
