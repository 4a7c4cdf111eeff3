package com.retail.inventory.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two local AWS emulators as child processes: moto_server (S3, SQS, SNS, DynamoDB +
 * Streams, Cognito) and kinesalite (Kinesis). Started on the given ports (0 picks a free
 * one), stopped with {@link #close()}.
 */
public final class Emulators implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Emulators.class);

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	/** Where the Kinesis emulator is pinned (package.json + lock file) and installed. */
	public static final String KINESIS_EMULATOR = "local/kinesis-emulator";

	/** moto's switch for checking TOTP codes (Cognito software token MFA). */
	static final String MOTO_TOTP = "MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP";

	private final List<Process> processes = new ArrayList<>();

	private final int motoPort;

	private final int kinesisPort;

	private Emulators(int motoPort, int kinesisPort) {
		this.motoPort = motoPort;
		this.kinesisPort = kinesisPort;
	}

	/**
	 * Starts both emulators and waits until they answer.
	 * @param root repository root (the Kinesis emulator is installed under
	 * {@value #KINESIS_EMULATOR})
	 * @param logDir where the emulators' output goes
	 * @param dataDir where the Kinesis emulator keeps its records (emptied first)
	 */
	public static Emulators start(Path root, int motoPort, int kinesisPort, Path logDir, Path dataDir) {
		Emulators emulators = new Emulators(motoPort == 0 ? freePort() : motoPort,
				kinesisPort == 0 ? freePort() : kinesisPort);
		try {
			Files.createDirectories(logDir);
			requireFree(emulators.motoPort, "moto_server");
			requireFree(emulators.kinesisPort, "kinesalite");
			MotoVersion.check(root);
			emulators.startMoto(logDir);
			emulators.startKinesalite(root, logDir, dataDir);
			emulators.awaitUp("moto_server", emulators.motoEndpoint().resolve("/moto-api/"));
			// kinesalite answers any path; an unsigned GET returns 4xx once it is
			// listening.
			emulators.awaitUp("kinesalite", emulators.kinesisEndpoint());
			return emulators;
		}
		catch (IOException | RuntimeException ex) {
			emulators.close();
			throw ex instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) ex;
		}
	}

	public URI motoEndpoint() {
		return URI.create("http://127.0.0.1:" + motoPort);
	}

	public URI kinesisEndpoint() {
		return URI.create("http://127.0.0.1:" + kinesisPort);
	}

	/**
	 * Endpoints in the standard AWS SDK form, for any process or client that talks to
	 * AWS.
	 */
	public AwsEndpoints endpoints() {
		return new AwsEndpoints(motoEndpoint(), kinesisEndpoint());
	}

	private void startMoto(Path logDir) throws IOException {
		ProcessBuilder builder = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(motoPort));
		// Without it moto accepts any TOTP code (in AssociateSoftwareToken /
		// VerifySoftwareToken and at sign-in); with it codes are checked, against one
		// fixed secret for every user.
		builder.environment().put(MOTO_TOTP, "true");
		builder.redirectErrorStream(true).redirectOutput(logDir.resolve("moto_server.log").toFile());
		processes.add(builder.start());
		log.info("moto_server starting on port {}", motoPort);
	}

	/**
	 * kinesalite, chosen by measurement ({@code ./inventory bench kinesis-emulators}):
	 * its put rate stays flat up to a million records in a stream, and with its LevelDB
	 * store its memory does too.
	 */
	private void startKinesalite(Path root, Path logDir, Path dataDir) throws IOException {
		Path project = root.resolve(KINESIS_EMULATOR);
		NpmInstall.ensureInstalled(project, "kinesalite");
		deleteTree(dataDir);
		Files.createDirectories(dataDir);
		// Streams become ACTIVE at once: real Kinesis takes seconds, tests need not wait.
		// server.js: kinesalite's own command line, kept up when a client hangs up
		// mid-request.
		ProcessBuilder builder = new ProcessBuilder("node", project.resolve("server.js").toString(), "--port",
				String.valueOf(kinesisPort), "--path", dataDir.toString(), "--createStreamMs", "0", "--deleteStreamMs",
				"0", "--updateStreamMs", "0", "--shardLimit", "100");
		builder.redirectErrorStream(true).redirectOutput(logDir.resolve("kinesalite.log").toFile());
		processes.add(builder.start());
		log.info("kinesalite starting on port {} (data in {})", kinesisPort, dataDir);
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private void awaitUp(String name, URI uri) {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			for (Process process : processes) {
				if (!process.isAlive()) {
					throw new IllegalStateException(
							name + " exited with code " + process.exitValue() + " while starting; see its log");
				}
			}
			if (HttpProbe.status(uri) > 0) {
				log.info("{} is up at {}", name, uri);
				return;
			}
			sleep(Duration.ofMillis(250));
		}
		throw new IllegalStateException(name + " did not answer at " + uri + " within " + STARTUP_TIMEOUT);
	}

	@Override
	public void close() {
		for (Process process : processes) {
			ChildProcesses.stop(process, Duration.ofSeconds(10));
		}
		processes.clear();
	}

	/**
	 * Fails with a clear message when a port is taken, rather than talk to whatever
	 * answers there (e.g. the emulators of an earlier run that is still up).
	 */
	static void requireFree(int port, String forWhat) {
		try (ServerSocket socket = new ServerSocket(port)) {
			socket.setReuseAddress(true);
		}
		catch (IOException inUse) {
			throw new IllegalStateException("Port " + port + " (for " + forWhat + ") is already in use: is another "
					+ "./inventory up running? Stop it (Ctrl-C) or free the port.");
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
