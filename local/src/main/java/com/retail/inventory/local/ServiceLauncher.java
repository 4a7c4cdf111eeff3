package com.retail.inventory.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the four services as separate {@code java -jar} processes, as they run in
 * production, configured only through environment variables (standard AWS SDK endpoint
 * settings and Spring properties).
 */
public final class ServiceLauncher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ServiceLauncher.class);

	/**
	 * A service instance to run: its name (the module's, or {@code loader-2} for a second
	 * replica; names its log), its module (which jar), HTTP port and environment.
	 */
	public record Service(String name, String module, int port, Map<String, String> environment) {

		/** The first (or only) instance of a module. */
		public Service(String module, int port, Map<String, String> environment) {
			this(module, module, port, environment);
		}

	}

	private final Path root;

	private final Path logDir;

	private final Map<String, Process> running = new LinkedHashMap<>();

	private final List<Service> services = new ArrayList<>();

	private final Set<String> everStarted = new HashSet<>();

	public ServiceLauncher(Path root, Path logDir) {
		this.root = root;
		this.logDir = logDir;
	}

	/**
	 * The executable jar Maven built for a service, e.g.
	 * {@code services/loader/target/loader-0.1.0-SNAPSHOT-exec.jar}.
	 */
	public static Path jarOf(Path root, String service) {
		Path target = root.resolve("services").resolve(service).resolve("target");
		try (Stream<Path> files = Files.list(target)) {
			return files.filter(p -> p.getFileName().toString().matches(service + "-[0-9].*-exec\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No jar in " + target + "; build with ./mvnw package"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("No " + target + "; build with ./mvnw -DskipTests package", ex);
		}
	}

	public void start(Service service) {
		List<String> command = List.of(javaBinary(), "-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar",
				jarOf(root, service.module()).toString());
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(service.environment());
		builder.environment().put("SERVER_PORT", String.valueOf(service.port()));
		// What a pod's HOSTNAME is in Kubernetes: the instance's name (it names the
		// instance's KCL worker, the lease owner `status` shows).
		builder.environment().put("HOSTNAME", service.name());
		// A fresh log per run; a restarted service appends to its own.
		File logFile = this.logDir.resolve(service.name() + ".log").toFile();
		builder.redirectErrorStream(true)
			.redirectOutput(this.everStarted.add(service.name()) ? ProcessBuilder.Redirect.to(logFile)
					: ProcessBuilder.Redirect.appendTo(logFile));
		try {
			Files.createDirectories(logDir);
			running.put(service.name(), builder.start());
			services.add(service);
			log.info("Started {} on port {} (log: {})", service.name(), service.port(),
					logDir.resolve(service.name() + ".log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + service.name(), ex);
		}
	}

	/** The instances started of a module, the first one first. */
	public List<Service> instancesOf(String module) {
		return this.services.stream().filter((s) -> s.module().equals(module)).toList();
	}

	/**
	 * Waits until every started service reports readiness UP on its actuator endpoint.
	 */
	public void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (Service service : services) {
			URI readiness = URI.create("http://127.0.0.1:" + service.port() + "/actuator/health/readiness");
			while (HttpProbe.status(readiness) != 200) {
				Process process = running.get(service.name());
				if (!process.isAlive()) {
					throw new IllegalStateException(service.name() + " exited with code " + process.exitValue()
							+ "; see " + logDir.resolve(service.name() + ".log"));
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(service.name() + " not ready within " + timeout + "; see "
							+ logDir.resolve(service.name() + ".log"));
				}
				Emulators.sleep(Duration.ofMillis(500));
			}
			log.info("{} is ready", service.name());
		}
	}

	/**
	 * Kills one service at once (SIGKILL, as a crashed node would), e.g. to test a
	 * restart.
	 */
	public void kill(String name) {
		Process process = this.running.remove(name);
		if (process != null) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			try {
				process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Starts a stopped or killed service again, as it was started first, and waits until
	 * every service is ready. Its log is appended to.
	 */
	public void restart(String name, Duration readyTimeout) {
		Service service = this.services.stream()
			.filter((s) -> s.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No service " + name));
		this.services.remove(service);
		start(service);
		awaitReady(readyTimeout);
	}

	/**
	 * Stops one service the way Kubernetes does (SIGTERM, graceful shutdown), e.g. to
	 * test a restart.
	 */
	public void stop(String name) {
		Process process = running.remove(name);
		if (process != null) {
			ChildProcesses.stop(process, Duration.ofSeconds(40));
		}
	}

	@Override
	public void close() {
		// Reverse start order: consumers stop after the producers feeding them.
		List<String> names = new ArrayList<>(running.keySet());
		Collections.reverse(names);
		names.forEach(this::stop);
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
