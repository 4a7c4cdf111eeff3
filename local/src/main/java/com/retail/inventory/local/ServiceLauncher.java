package com.retail.inventory.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

	/** A service to run: its name (= its module and jar), HTTP port and environment. */
	public record Service(String name, int port, Map<String, String> environment) {
	}

	private final Path root;

	private final Path logDir;

	private final Map<String, Process> running = new LinkedHashMap<>();

	private final List<Service> services = new ArrayList<>();

	public ServiceLauncher(Path root, Path logDir) {
		this.root = root;
		this.logDir = logDir;
	}

	/**
	 * The executable jar Maven built for a service, e.g.
	 * {@code services/loader/target/loader-0.1.0-SNAPSHOT.jar}.
	 */
	public static Path jarOf(Path root, String service) {
		Path target = root.resolve("services").resolve(service).resolve("target");
		try (Stream<Path> files = Files.list(target)) {
			return files.filter(p -> p.getFileName().toString().matches(service + "-[0-9].*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No jar in " + target + "; build with ./mvnw package"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("No " + target + "; build with ./mvnw -DskipTests package", ex);
		}
	}

	public void start(Service service) {
		List<String> command = List.of(javaBinary(), "-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar",
				jarOf(root, service.name()).toString());
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(service.environment());
		builder.environment().put("SERVER_PORT", String.valueOf(service.port()));
		builder.redirectErrorStream(true).redirectOutput(logDir.resolve(service.name() + ".log").toFile());
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
