package com.retail.inventory.images;

import java.time.Duration;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A service image run the way helm/inventory runs it: as UID 65532, on a read-only root
 * filesystem with a writable {@code /tmp}, under the chart's default memory limit, and
 * judged by the readiness probe.
 */
final class ChartLikeContainer {

	/**
	 * The chart's default {@code resources.limits.memory} (512Mi): the image's JVM flags
	 * must fit in it.
	 */
	static final long MEMORY_LIMIT_BYTES = 512L * 1024 * 1024;

	/** The chart's startup probe allows 36 x 5 s. */
	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

	private ChartLikeContainer() {
	}

	/**
	 * @param environment the service's settings (as the chart's ConfigMap would give
	 * them)
	 * @param port the HTTP port: the container shares the host's network (that is how it
	 * reaches the emulators, which listen on the host's loopback), so each container gets
	 * a free host port instead of 8080
	 */
	static GenericContainer<?> of(ServiceImage image, Map<String, String> environment, int port) {
		return new GenericContainer<>(DockerImageName.parse(image.reference()))
			// Loaded from the image tar: there is no registry to pull from.
			.withImagePullPolicy(name -> false)
			.withNetworkMode("host")
			.withEnv(environment)
			.withEnv("SERVER_PORT", String.valueOf(port))
			.withTmpFs(Map.of("/tmp", "rw,size=256m"))
			.withCreateContainerCmdModifier(create -> {
				create.withUser("65532:65532");
				create.getHostConfig().withReadonlyRootfs(true).withMemory(MEMORY_LIMIT_BYTES);
			})
			.waitingFor(new HostNetworkReadiness(port).withStartupTimeout(STARTUP_TIMEOUT));
	}

}
