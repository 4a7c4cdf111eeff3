package com.retail.inventory.ops;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.ops.status.AlertsSection;
import com.retail.inventory.ops.status.ConsumerGroup;
import com.retail.inventory.ops.status.ConsumerLag;
import com.retail.inventory.ops.status.ConsumerLagSection;
import com.retail.inventory.ops.status.Durations;
import com.retail.inventory.ops.status.JsonRenderer;
import com.retail.inventory.ops.status.KubernetesSection;
import com.retail.inventory.ops.status.KubernetesStatus;
import com.retail.inventory.ops.status.LatestUploads;
import com.retail.inventory.ops.status.OpenAlerts;
import com.retail.inventory.ops.status.QueueDepths;
import com.retail.inventory.ops.status.QueueSection;
import com.retail.inventory.ops.status.SectionResult;
import com.retail.inventory.ops.status.StatusReport;
import com.retail.inventory.ops.status.TextRenderer;
import com.retail.inventory.ops.status.UnavailableSection;
import com.retail.inventory.ops.status.UploadsSection;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubectl inventory status}: the platform's state in one screen, and an exit code
 * for scripts. Only reads; every section is read by its own class in
 * {@code com.retail.inventory.ops.status}.
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = {
		"Show the Deployments and autoscalers, each consumer group's lag per shard, the queues and "
				+ "dead-letter queues, the last uploads and the open alerts.",
		"Exit code: 0 healthy, 1 unhealthy (a Deployment not ready or stalled, a shard behind more than "
				+ "--max-behind, a dead-letter queue not empty), 2 usage error or a section could not be read." })
public final class StatusCommand implements Callable<Integer> {

	@Mixin
	KubernetesOptions kubernetes = new KubernetesOptions();

	@Mixin
	ResourceOptions names = new ResourceOptions();

	@Option(names = "--no-kubernetes", description = "Skip the Kubernetes section (e.g. the local platform).")
	boolean noKubernetes;

	@Option(names = "--no-aws", description = "Only the Kubernetes section.")
	boolean noAws;

	@Option(names = "--max-behind", defaultValue = "5m", paramLabel = "DURATION", converter = DurationConverter.class,
			description = "A consumer behind more than this on a shard is unhealthy, e.g. 90s, 5m, PT5M "
					+ "(default: ${DEFAULT-VALUE}).")
	Duration maxBehind;

	@Option(names = "--scan-limit", defaultValue = "1000", paramLabel = "N",
			description = "Records counted per shard after the checkpoint at most; more shows as '≥ N' "
					+ "(default: ${DEFAULT-VALUE}).")
	long scanLimit;

	@Option(names = "--uploads", defaultValue = "10", paramLabel = "N",
			description = "How many of the last uploads (default: " + "${DEFAULT-VALUE}).")
	int uploads;

	@Option(names = "--alerts", defaultValue = "20", paramLabel = "N",
			description = "How many open alerts to list (default: " + "${DEFAULT-VALUE}); the count is always of all.")
	int alerts;

	@Option(names = { "-o", "--output" }, defaultValue = "table", paramLabel = "table|json",
			description = "table or json (default: ${DEFAULT-VALUE}).")
	Output output;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	private final CommandClients clients;

	public StatusCommand() {
		this(CommandClients.fromEnvironment());
	}

	/** For tests: the clients to use instead of those from the environment. */
	StatusCommand(CommandClients clients) {
		this.clients = clients;
	}

	@Override
	public Integer call() {
		if (this.scanLimit < 1 || this.uploads < 0 || this.alerts < 0) {
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					"--scan-limit must be at least 1, --uploads and --alerts at least 0");
		}
		InventoryResources resources;
		try {
			resources = this.names.resources();
		}
		catch (IllegalArgumentException ex) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
		}
		List<SectionResult> sections = new ArrayList<>();
		if (!this.noKubernetes) {
			sections.add(StatusReport.read(KubernetesStatus.NAME,
					"Kubernetes (namespace " + this.kubernetes.namespace() + ")", () -> {
						try (KubernetesClient client = this.clients.kubernetes().apply(this.kubernetes)) {
							return new KubernetesSection(client, this.kubernetes.namespace()).read();
						}
					}));
		}
		if (!this.noAws) {
			sections.addAll(aws(resources));
		}
		StatusReport report = new StatusReport(sections);
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.output == Output.json) {
			new JsonRenderer().render(report, out);
		}
		else {
			new TextRenderer().render(report, out);
		}
		return report.exitCode();
	}

	private List<SectionResult> aws(InventoryResources resources) {
		AwsClients aws;
		try {
			aws = this.clients.aws().get();
		}
		catch (RuntimeException ex) {
			// No region or credentials: every AWS section is unknown, for the same
			// reason.
			String error = "AWS clients: " + ex.getMessage();
			return List.of(new UnavailableSection(ConsumerLag.NAME, "Consumer lag", error),
					new UnavailableSection(QueueDepths.NAME, "SQS queues", error),
					new UnavailableSection(LatestUploads.NAME, "Last uploads", error),
					new UnavailableSection(OpenAlerts.NAME, "Open alerts", error));
		}
		try (aws) {
			return List.of(
					StatusReport.read(ConsumerLag.NAME, "Consumer lag",
							() -> new ConsumerLagSection(aws.kinesis(), aws.dynamoDb(), ConsumerGroup.of(resources),
									this.maxBehind, this.scanLimit, this.clients.clock())
								.read()),
					StatusReport.read(QueueDepths.NAME, "SQS queues",
							() -> new QueueSection(aws.sqs(), QueueSection.of(resources), this.clients.clock()).read()),
					StatusReport.read(LatestUploads.NAME, "Last uploads",
							() -> new UploadsSection(aws.dynamoDb(), resources.uploadsTable(),
									resources.uploadsRetentionDays(), this.uploads, this.clients.clock())
								.read()),
					StatusReport.read(OpenAlerts.NAME, "Open alerts",
							() -> new AlertsSection(aws.dynamoDb(), resources.alertLogTable(), this.alerts).read()));
		}
	}

	/** {@code --max-behind}: {@code 90s}, {@code 5m}, {@code PT5M}. */
	static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

		@Override
		public Duration convert(String value) {
			return Durations.parse(value);
		}

	}

}
