package com.retail.inventory.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * podman's Docker-compatible API on a private Unix socket, which is how Testcontainers
 * drives podman: podman has no daemon, {@code podman system service} is one for as long
 * as this object lives.
 */
final class PodmanApiService implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * A safety net only: should this JVM die without closing, the service exits after
	 * this long without a request. Longer than any pause between the test's own requests.
	 */
	private static final Duration IDLE_EXIT = Duration.ofMinutes(5);

	/**
	 * sun_path of a Unix socket address holds 108 bytes including the terminating zero.
	 */
	private static final int MAX_SOCKET_PATH = 107;

	private final Process process;

	private final Path socket;

	private PodmanApiService(Process process, Path socket) {
		this.process = process;
		this.socket = socket;
	}

	/** Whether a podman client is installed and answers. */
	static boolean podmanInstalled() {
		try {
			Process version = new ProcessBuilder("podman", "--version").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
		}
		catch (IOException notInstalled) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Starts the API service on the socket that {@code DOCKER_HOST} names (the build sets
	 * it; Testcontainers reads it from there).
	 * @param log where the service's own output goes
	 */
	static PodmanApiService startForDockerHost(Path log) {
		String dockerHost = System.getenv("DOCKER_HOST");
		if (dockerHost == null || !dockerHost.startsWith("unix://")) {
			throw new IllegalStateException("DOCKER_HOST must name the Unix socket to serve podman's API on, e.g. "
					+ "unix:///tmp/podman.sock; it is " + dockerHost);
		}
		Path socket = Path.of(dockerHost.substring("unix://".length()));
		if (socket.toString().length() > MAX_SOCKET_PATH) {
			throw new IllegalStateException("The socket path " + socket + " is longer than a Unix socket allows ("
					+ MAX_SOCKET_PATH + " bytes); build from a shorter directory");
		}
		try {
			Files.createDirectories(socket.getParent());
			Files.deleteIfExists(socket);
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder("podman", "system", "service", "--time=" + IDLE_EXIT.toSeconds(),
					dockerHost)
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			PodmanApiService service = new PodmanApiService(process, socket);
			service.awaitSocket(log);
			return service;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start 'podman system service'", ex);
		}
	}

	private void awaitSocket(Path log) {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (!Files.exists(socket)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						"'podman system service' exited with code " + process.exitValue() + "; see " + log);
			}
			if (System.nanoTime() > deadline) {
				close();
				throw new IllegalStateException("'podman system service' did not open " + socket + " within "
						+ STARTUP_TIMEOUT + "; see " + log);
			}
			sleep(Duration.ofMillis(100));
		}
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
		try {
			Files.deleteIfExists(socket);
		}
		catch (IOException leftBehind) {
			// A stale socket file under target/; the next start replaces it.
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
