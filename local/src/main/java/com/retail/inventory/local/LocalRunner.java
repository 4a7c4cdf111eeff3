package com.retail.inventory.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.retail.inventory.contracts.InventoryResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Entry point of {@code ./inventory}: {@code up} runs the whole platform in the
 * foreground until Ctrl-C; {@code demo} uploads the sample store files to the running
 * platform.
 */
public final class LocalRunner {

	/** Shards of each local stream. */
	static final int LOCAL_SHARDS = 4;

	private LocalRunner() {
	}

	public static void main(String[] args) throws Exception {
		quietLogging();
		Path root = Path.of(System.getProperty("inventory.root", ".")).toAbsolutePath().normalize();
		String command = args.length == 0 ? "up" : args[0];
		switch (command) {
			case "up" -> {
				try {
					up(root, replicas(args));
				}
				catch (IllegalStateException ex) {
					// A problem the person can fix (a port in use, a wrong moto version):
					// say it plainly.
					System.err.println("inventory: " + ex.getMessage());
					System.exit(1);
				}
			}
			case "demo" -> demo(root, args.length > 1 ? List.of(args).subList(1, args.length) : List.of());
			default -> {
				System.err.println("usage: inventory up [--replicas N] | demo [file.csv ...]");
				System.exit(2);
			}
		}
	}

	/**
	 * A person runs this: show our progress, not the AWS SDK's wire-level debug output.
	 */
	private static void quietLogging() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
			context.getLogger("com.retail.inventory").setLevel(Level.INFO);
		}
	}

	/**
	 * {@code up --replicas N}: instances of the loader and of stock-alert (default 1).
	 */
	static int replicas(String[] args) {
		List<String> options = List.of(args).subList(1, args.length);
		if (options.isEmpty()) {
			return 1;
		}
		if (options.size() == 2 && options.get(0).equals("--replicas") && options.get(1).matches("[1-9]")) {
			return Integer.parseInt(options.get(1));
		}
		throw new IllegalStateException("usage: inventory up [--replicas N] (N from 1 to 9), not " + options);
	}

	private static void up(Path root, int replicas) throws InterruptedException {
		Path logDir = root.resolve(".local/logs");
		System.out.println("Starting emulators, provisioning resources and starting the four services"
				+ (replicas > 1 ? " (" + replicas + " loaders, " + replicas + " stock-alerts)" : "") + "...");
		System.out.println("Logs: " + logDir);
		// Four shards per stream, as values-prod.yaml deploys: enough for replicas to
		// share.
		LocalPlatform platform = LocalPlatform.start(root, logDir, LocalPlatform.Ports.documented(),
				Duration.ofMinutes(5),
				new LocalPlatform.Overrides(Map.of("records-stream-shards", String.valueOf(LOCAL_SHARDS),
						"changes-stream-shards", String.valueOf(LOCAL_SHARDS)), Map.of(), replicas));
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("\nStopping services and emulators...");
			platform.close();
			stopped.countDown();
		}, "inventory-shutdown"));

		System.out.printf("""

				Inventory platform is up.
				  Dashboard:   %s
				%s  The first sign-in with the temporary password %s asks you to choose a new password.
				  AWS (moto):  %s   Kinesis: %s
				  Upload:      aws --endpoint-url %s s3 cp samples/inventory-berlin.csv s3://%s/
				  Demo files:  ./inventory demo   (in another terminal)
				Out-of-stock alerts published to SNS topic %s are printed below. Ctrl-C stops everything.

				""", platform.dashboardUrl(), demoUsers(), DemoUsers.PASSWORD, platform.endpoints().aws(),
				platform.endpoints().kinesis(), platform.endpoints().aws(), platform.resources().bucket(),
				platform.resources().noStockTopicArn());
		printAlertsUntilStopped(platform, stopped);
	}

	/** One line per demo user: name and role. */
	private static String demoUsers() {
		StringBuilder lines = new StringBuilder();
		for (DemoUsers.Demo demo : DemoUsers.all()) {
			lines.append(String.format("  User:        %-14s %s%n", demo.username(), demo.role()));
		}
		return lines.toString();
	}

	/**
	 * The local stand-in for the email/SMS inbox: the SQS queue subscribed to the alert
	 * topic.
	 */
	private static void printAlertsUntilStopped(LocalPlatform platform, CountDownLatch stopped)
			throws InterruptedException {
		String queueUrl = platform.resources().alertsObserverQueueUrl();
		while (stopped.getCount() > 0) {
			try {
				List<Message> messages = platform.aws()
					.sqs()
					.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(5).maxNumberOfMessages(10))
					.messages();
				for (Message message : messages) {
					System.out.println("ALERT " + SnsEnvelope.summary(message.body()));
					platform.aws()
						.sqs()
						.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
				}
			}
			catch (RuntimeException stoppingOrDown) {
				stopped.await(TimeUnit.SECONDS.toMillis(1), TimeUnit.MILLISECONDS);
			}
		}
	}

	private static void demo(Path root, List<String> files) {
		List<Path> uploads = files.isEmpty() ? sampleFiles(root) : files.stream().map(Path::of).toList();
		AwsEndpoints endpoints = new AwsEndpoints(URI.create("http://localhost:" + ServicePorts.MOTO),
				URI.create("http://localhost:" + ServicePorts.KINESIS));
		InventoryResources names = InventoryResources.load();
		String bucket = names.uploadsBucket();
		try (LocalAwsClients aws = new LocalAwsClients(endpoints)) {
			for (Path file : uploads) {
				aws.s3().putObject(b -> b.bucket(bucket).key(file.getFileName().toString()), file);
				System.out.println("uploaded " + file.getFileName() + " to s3://" + bucket + "/");
			}
		}
		System.out.println("Each file's report appears when it is loaded, e.g.: aws --endpoint-url http://localhost:"
				+ ServicePorts.MOTO + " s3 cp s3://" + bucket + "/" + names.uploadsReportsPrefix()
				+ uploads.get(0).getFileName() + ".json -   (or the dashboard's Uploads page)");
	}

	private static List<Path> sampleFiles(Path root) {
		try (Stream<Path> files = Files.list(root.resolve("samples"))) {
			return files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
