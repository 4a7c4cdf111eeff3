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
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two local AWS emulators as child processes: moto_server (S3, SQS, SNS, DynamoDB +
 * Streams, Cognito) and kinesis-mock (Kinesis). Started on the given ports (0 picks a
 * free one), stopped with {@link #close()}.
 */
public final class Emulators implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Emulators.class);

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private final List<Process> processes = new ArrayList<>();

	private final int motoPort;

	private final int kinesisPort;

	private Emulators(int motoPort, int kinesisPort) {
		this.motoPort = motoPort;
		this.kinesisPort = kinesisPort;
	}

	/**
	 * Starts both emulators and waits until they answer.
	 * @param root repository root (kinesis-mock is installed under
	 * {@code local/kinesis-mock})
	 * @param logDir where the emulators' output goes
	 */
	public static Emulators start(Path root, int motoPort, int kinesisPort, Path logDir) {
		Emulators emulators = new Emulators(motoPort == 0 ? freePort() : motoPort,
				kinesisPort == 0 ? freePort() : kinesisPort);
		try {
			Files.createDirectories(logDir);
			MotoVersion.check(root);
			emulators.startMoto(logDir);
			emulators.startKinesisMock(root, logDir);
			emulators.awaitUp("moto_server", emulators.motoEndpoint().resolve("/moto-api/"));
			// kinesis-mock answers any path; an unsigned GET returns 4xx once it is
			// listening.
			emulators.awaitUp("kinesis-mock", emulators.kinesisEndpoint());
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
		builder.redirectErrorStream(true).redirectOutput(logDir.resolve("moto_server.log").toFile());
		processes.add(builder.start());
		log.info("moto_server starting on port {}", motoPort);
	}

	private void startKinesisMock(Path root, Path logDir) throws IOException {
		Path packageDir = KinesisMockInstall.ensureInstalled(root);
		ProcessBuilder builder = new ProcessBuilder("node", "main.js").directory(packageDir.toFile());
		Map<String, String> env = builder.environment();
		env.put("KINESIS_MOCK_PLAIN_PORT", String.valueOf(kinesisPort));
		env.put("KINESIS_MOCK_TLS_PORT", String.valueOf(freePort()));
		env.put("SHOULD_PERSIST_DATA", "false");
		// Real Kinesis takes seconds to create a stream; the emulator need not make tests
		// wait for that.
		env.put("CREATE_STREAM_DURATION", "100ms");
		env.put("DELETE_STREAM_DURATION", "100ms");
		env.put("LOG_LEVEL", "WARN");
		builder.redirectErrorStream(true).redirectOutput(logDir.resolve("kinesis-mock.log").toFile());
		processes.add(builder.start());
		log.info("kinesis-mock starting on port {}", kinesisPort);
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
