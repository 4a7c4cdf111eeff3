package com.retail.inventory.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.retail.inventory.local.AwsEndpoints;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import com.retail.inventory.local.ServiceEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each service image as the build wrote it ({@code jib:buildTar}), loaded into podman and
 * run the way the Helm chart runs it, against the local emulators: it must become ready
 * as a non-root user on a read-only root filesystem within the chart's memory limit, and
 * carry the tag, labels and defaults the chart relies on.
 *
 * <p>
 * Testcontainers drives podman through podman's Docker-compatible API
 * ({@link PodmanApiService}). The containers share the host's network: the emulators
 * listen on the host's loopback only.
 */
@ExtendWith(ImagesRunnableHere.class)
@ExtendWith(LocalAwsExtension.class)
class ServiceImagesIntegrationTests {

	static final List<String> SERVICES = ServiceEnvironment.SERVICES;

	private static final Path LOGS = Path.of("target", "container-logs");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern MAX_HEAP = Pattern.compile("\\bMaxHeapSize\\s*=\\s*(\\d+)");

	private static final Map<String, ServiceImage> images = new LinkedHashMap<>();

	/**
	 * Image IDs this test added to podman's store (and so removes again); images already
	 * there are kept.
	 */
	private static final List<String> loaded = new ArrayList<>();

	private static PodmanApiService podman;

	private static DockerClient docker;

	@BeforeAll
	static void loadTheImagesIntoPodman() throws IOException {
		Path root = LocalAwsExtension.repositoryRoot();
		for (String service : SERVICES) {
			images.put(service, ServiceImage.builtFor(root, service));
		}
		podman = PodmanApiService.startForDockerHost(LOGS.resolve("podman-api.log"));
		docker = DockerClientFactory.instance().client();
		for (ServiceImage image : images.values()) {
			boolean present = exists(image.imageId());
			try (InputStream tar = Files.newInputStream(image.tar())) {
				docker.loadImageCmd(tar).exec();
			}
			if (!present) {
				loaded.add(image.imageId());
			}
		}
	}

	@AfterAll
	static void removeTheLoadedImagesAndStopPodman() {
		try {
			for (String imageId : loaded) {
				docker.removeImageCmd(imageId).withForce(true).exec();
			}
		}
		finally {
			if (podman != null) {
				podman.close();
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("SERVICES")
	void becomesReadyAsNonRootOnAReadOnlyRootFilesystemWithinTheMemoryLimit(String service, AwsEndpoints endpoints,
			LocalResources resources) throws Exception {
		int port = freePort();
		Map<String, String> environment = new ServiceEnvironment(endpoints, resources).of(service);
		Path log = LOGS.resolve(service + ".log");
		Files.deleteIfExists(log);
		try (GenericContainer<?> container = ChartLikeContainer.of(images.get(service), environment, port)
			.withLogConsumer(frame -> append(log, frame.getUtf8String()))) {
			container.start();

			HttpResponse<String> readiness = HTTP.send(
					HttpRequest.newBuilder(HostNetworkReadiness.readinessUri(port)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(readiness.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(readiness.body()).get("status").asString()).isEqualTo("UP");

			String uid = PodmanExec.stdout(container.getContainerId(), "id", "-u");
			assertThat(uid.strip()).as("UID of a process in the container").isEqualTo("65532");

			// The JVM's heap follows the container's memory limit (JAVA_TOOL_OPTIONS of
			// the image: 75 %).
			String flags = PodmanExec.stdout(container.getContainerId(), "java", "-XX:+PrintFlagsFinal", "-version");
			Matcher maxHeap = MAX_HEAP.matcher(flags);
			assertThat(maxHeap.find()).as("MaxHeapSize in %s", flags).isTrue();
			assertThat(Long.parseLong(maxHeap.group(1)))
				.isCloseTo((long) (ChartLikeContainer.MEMORY_LIMIT_BYTES * 0.75), withinPercentage(2));
		}
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("SERVICES")
	void carriesTheNameTagLabelsAndDefaultsTheChartExpects(String service) {
		ServiceImage image = images.get(service);
		InspectImageResponse inspected = docker.inspectImageCmd(image.reference()).exec();
		assertThat(inspected.getId()).isEqualTo(image.imageId());
		var config = inspected.getConfig();

		// <registry>/inventory-<component>:<tag>, the tag being <version>-<short commit>;
		// also tagged <version>.
		Map<String, String> labels = config.getLabels();
		String revision = labels.get("org.opencontainers.image.revision");
		assertThat(revision).matches("[0-9a-f]{40}|unknown");
		String version = System.getProperty("inventory.version");
		assertThat(image.reference()).contains("/inventory-" + service + ":");
		assertThat(image.tag()).isEqualTo(version + "-" + revision.substring(0, Math.min(7, revision.length())));
		assertThat(docker.inspectImageCmd(image.repository() + ":" + version).exec().getId())
			.isEqualTo(image.imageId());

		assertThat(labels).containsEntry("org.opencontainers.image.title", "inventory-" + service)
			.containsEntry("org.opencontainers.image.version", version)
			.containsKeys("org.opencontainers.image.source", "org.opencontainers.image.description");
		assertThat(Instant.parse(labels.get("org.opencontainers.image.created"))).isBefore(Instant.now());

		assertThat(config.getUser()).isEqualTo("65532:65532");
		assertThat(config.getExposedPorts()).containsExactly(ExposedPort.tcp(8080));
		assertThat(config.getEnv()).contains("SERVER_PORT=8080")
			.anySatisfy(env -> assertThat(env).startsWith("JAVA_TOOL_OPTIONS=")
				.contains("-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError"));
	}

	private static boolean exists(String imageId) {
		try {
			docker.inspectImageCmd(imageId).exec();
			return true;
		}
		catch (NotFoundException absent) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void append(Path log, String text) {
		try {
			Files.createDirectories(log.getParent());
			Files.writeString(log, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
