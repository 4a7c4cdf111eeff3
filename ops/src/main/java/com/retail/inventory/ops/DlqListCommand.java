package com.retail.inventory.ops;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.ops.dlq.DeadLetterDescriber;
import com.retail.inventory.ops.dlq.DeadLetterListing;
import com.retail.inventory.ops.dlq.DeadLetterPeek;
import com.retail.inventory.ops.dlq.DeadLetterReceiver;
import com.retail.inventory.ops.dlq.DeadLetterSource;
import com.retail.inventory.ops.dlq.ListingRenderer;
import com.retail.inventory.ops.dlq.QueueListing;
import com.retail.inventory.ops.dlq.UploadLookup;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubectl inventory dlq list}: what is dead-lettered and why, consuming nothing.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = {
		"List dead-lettered messages without consuming them: queue, message id, sent and first-received time, "
				+ "receive count and the reason (the loader's reason, stream, shard, sequence number and partition key "
				+ "for records; the S3 bucket and key and the upload's status and reason in the uploads table for "
				+ "upload events). Each message is hidden for 30 seconds while it is read and made visible again at "
				+ "once afterwards.",
		"Exit code: 0 no dead letters, 1 some, 2 usage error or a queue could not be read." })
public final class DlqListCommand implements Callable<Integer> {

	@Mixin
	ResourceOptions names = new ResourceOptions();

	@Option(names = "--queue", defaultValue = "all", paramLabel = "upload-events|records|all",
			description = "Which dead-letter queue (default: ${DEFAULT-VALUE}).")
	String queue;

	@Option(names = "--max", defaultValue = "50", paramLabel = "N",
			description = "Messages listed per queue at most (default: ${DEFAULT-VALUE}).")
	int max;

	@Option(names = { "-o", "--output" }, defaultValue = "table", paramLabel = "table|json",
			description = "table or json (default: ${DEFAULT-VALUE}).")
	Output output;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	private final Supplier<AwsClients> awsClients;

	public DlqListCommand() {
		this(AwsClients::new);
	}

	/** For tests: the clients to use instead of those from the environment. */
	DlqListCommand(Supplier<AwsClients> awsClients) {
		this.awsClients = awsClients;
	}

	@Override
	public Integer call() {
		if (this.max < 1) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), "--max must be at least 1");
		}
		InventoryResources resources;
		List<DeadLetterSource> sources;
		try {
			resources = this.names.resources();
			sources = "all".equals(this.queue) ? Arrays.asList(DeadLetterSource.values())
					: List.of(DeadLetterSource.of(this.queue));
		}
		catch (IllegalArgumentException ex) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
		}
		PrintWriter out = this.spec.commandLine().getOut();
		try (AwsClients aws = this.awsClients.get()) {
			UploadLookup uploads = new UploadLookup(aws.dynamoDb(), resources.uploadsTable());
			List<QueueListing> listings = new DeadLetterListing(new DeadLetterPeek(new DeadLetterReceiver(aws.sqs())),
					new DeadLetterDescriber(uploads::states), resources)
				.list(sources, this.max);
			if (this.output == Output.json) {
				new ListingRenderer().json(listings, aws.requests().counts(), out);
			}
			else {
				new ListingRenderer().text(listings, aws.requests().counts(), out);
			}
			return DeadLetterListing.exitCode(listings);
		}
		catch (RuntimeException ex) {
			// No credentials, a missing queue, AWS unreachable: the state is unknown.
			this.spec.commandLine().getErr().println("dlq list: " + ex.getMessage());
			return 2;
		}
	}

}
