package com.retail.inventory.ops;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.ops.dlq.DeadLetterDescriber;
import com.retail.inventory.ops.dlq.DeadLetterPeek;
import com.retail.inventory.ops.dlq.DeadLetterReceiver;
import com.retail.inventory.ops.dlq.DeadLetterRow;
import com.retail.inventory.ops.dlq.DeadLetterSource;
import com.retail.inventory.ops.dlq.ListingRenderer;
import com.retail.inventory.ops.dlq.RecordsStreamDestination;
import com.retail.inventory.ops.dlq.Redrive;
import com.retail.inventory.ops.dlq.RedriveDestination;
import com.retail.inventory.ops.dlq.RedriveResult;
import com.retail.inventory.ops.dlq.UploadEventsDestination;
import com.retail.inventory.ops.dlq.UploadLookup;
import com.retail.inventory.ops.status.TextRenderer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubectl inventory dlq redrive}: sends dead letters back to be processed again.
 */
@Command(name = "redrive", mixinStandardHelpOptions = true, description = {
		"Send dead-lettered messages back: upload events to the upload-events queue (ingest processes the upload "
				+ "again), records to the records stream with their original partition key (the loader loads them "
				+ "again). A message is deleted from the dead-letter queue only after it was sent: nothing is lost, "
				+ "an interruption at worst sends one twice, which ingest and the loader tolerate. Fix the cause "
				+ "first (see dlq list), or the messages come straight back.",
		"Exit code: 0 all moved, 1 some could not be moved (they stay in the dead-letter queue), "
				+ "2 usage error or a queue could not be read." })
public final class DlqRedriveCommand implements Callable<Integer> {

	@Mixin
	ResourceOptions names = new ResourceOptions();

	// Required: the two queues have different causes, so each redrive is a decision of
	// its own.
	@Option(names = "--queue", required = true, paramLabel = "upload-events|records",
			description = "Which dead-letter queue to send back.")
	String queue;

	@Option(names = "--max", paramLabel = "N", description = "Move at most N messages (default: all).")
	Integer max;

	@Option(names = "--dry-run", description = "Only show what would be moved; change nothing.")
	boolean dryRun;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	private final Supplier<AwsClients> awsClients;

	public DlqRedriveCommand() {
		this(AwsClients::new);
	}

	/** For tests: the clients to use instead of those from the environment. */
	DlqRedriveCommand(Supplier<AwsClients> awsClients) {
		this.awsClients = awsClients;
	}

	@Override
	public Integer call() {
		if (this.max != null && this.max < 1) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), "--max must be at least 1");
		}
		InventoryResources resources;
		DeadLetterSource source;
		try {
			resources = this.names.resources();
			source = DeadLetterSource.of(this.queue);
		}
		catch (IllegalArgumentException ex) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
		}
		int limit = (this.max != null) ? this.max : Integer.MAX_VALUE;
		String dlq = source.queueName(resources);
		PrintWriter out = this.spec.commandLine().getOut();
		try (AwsClients aws = this.awsClients.get()) {
			DeadLetterReceiver receiver = new DeadLetterReceiver(aws.sqs());
			int exitCode;
			if (this.dryRun) {
				List<DeadLetterRow> rows = new DeadLetterDescriber(
						new UploadLookup(aws.dynamoDb(), resources.uploadsTable())::states)
					.describe(source, new DeadLetterPeek(receiver).peek(dlq, limit));
				out.println("Dry run: would send " + rows.size() + " message(s) from " + dlq + " to "
						+ destinationName(source, resources) + "; nothing changed.");
				if (!rows.isEmpty()) {
					TextRenderer.renderTable(ListingRenderer.table(rows), out);
				}
				exitCode = 0;
			}
			else {
				RedriveResult result = new Redrive(receiver).run(dlq, destination(source, aws, resources), limit);
				out.println("Moved " + result.moved() + " message(s) from " + result.queue() + " to "
						+ result.destination() + ", failed " + result.failed().size() + ".");
				result.failed().forEach((id, why) -> out.println("! " + id + ": " + why));
				exitCode = result.failed().isEmpty() ? 0 : 1;
			}
			out.println("AWS requests: " + ListingRenderer.summary(aws.requests().counts()));
			out.flush();
			return exitCode;
		}
		catch (RuntimeException ex) {
			this.spec.commandLine().getErr().println("dlq redrive: " + ex.getMessage());
			return 2;
		}
	}

	private static RedriveDestination destination(DeadLetterSource source, AwsClients aws,
			InventoryResources resources) {
		return (source == DeadLetterSource.UPLOAD_EVENTS)
				? new UploadEventsDestination(aws.sqs(), resources.uploadEventsQueue())
				: new RecordsStreamDestination(aws.kinesis(), resources.recordsStream());
	}

	private static String destinationName(DeadLetterSource source, InventoryResources resources) {
		return (source == DeadLetterSource.UPLOAD_EVENTS) ? "queue " + resources.uploadEventsQueue()
				: "stream " + resources.recordsStream();
	}

}
