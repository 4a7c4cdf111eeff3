package com.retail.inventory.local;

import com.retail.inventory.contracts.InventoryResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one JUnit extension for emulator-backed integration tests. One emulator pair per
 * JVM (started on free ports at first use, stopped when the JVM's tests end); before each
 * test class the emulators are reset and every resource is provisioned afresh, so classes
 * cannot see each other's data.
 *
 * <p>
 * The standard AWS SDK system properties ({@code aws.endpointUrl},
 * {@code aws.endpointUrlKinesis}, {@code aws.region}, credentials) point at the
 * emulators, so code under test is configured exactly as in AWS. Test methods can take
 * {@link LocalResources}, {@link LocalAwsClients} or {@link AwsEndpoints} parameters.
 */
public final class LocalAwsExtension implements BeforeAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(LocalAwsExtension.class);

	private static volatile LocalResources current;

	private static volatile Shared shared;

	/**
	 * The resources provisioned for the running test class (for
	 * {@code @DynamicPropertySource}).
	 */
	public static LocalResources resources() {
		if (current == null) {
			throw new IllegalStateException("LocalAwsExtension has not provisioned anything yet");
		}
		return current;
	}

	public static AwsEndpoints endpoints() {
		return shared.emulators.endpoints();
	}

	/**
	 * Repository root: from the build ({@code inventory.root}) or found from the working
	 * directory.
	 */
	public static Path repositoryRoot() {
		String configured = System.getProperty("inventory.root");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("local"))) {
				return dir;
			}
		}
		throw new IllegalStateException("Cannot find the repository root; set -Dinventory.root");
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		Shared emulators = context.getRoot()
			.getStore(NAMESPACE)
			.getOrComputeIfAbsent(Shared.class, key -> Shared.start(), Shared.class);
		shared = emulators;
		emulators.reset();
		current = new LocalProvisioner(emulators.clients, InventoryResources.load()).provision();
		emulators.endpoints().systemProperties().forEach(System::setProperty);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == LocalResources.class || type == LocalAwsClients.class || type == AwsEndpoints.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		if (type == LocalResources.class) {
			return resources();
		}
		return type == LocalAwsClients.class ? shared.clients : shared.emulators.endpoints();
	}

	/**
	 * Emulators shared by all test classes of a JVM; JUnit closes them when the run ends.
	 */
	static final class Shared implements AutoCloseable {

		final Emulators emulators;

		final LocalAwsClients clients;

		private Shared(Emulators emulators) {
			this.emulators = emulators;
			this.clients = new LocalAwsClients(emulators.endpoints());
		}

		static Shared start() {
			Path root = repositoryRoot();
			return new Shared(
					Emulators.start(root, 0, 0, Path.of("target", "emulator-logs"), Path.of("target", "kinesis-data")));
		}

		AwsEndpoints endpoints() {
			return emulators.endpoints();
		}

		/**
		 * Empties both emulators: moto has a reset API; kinesalite's streams are deleted
		 * one by one.
		 */
		void reset() {
			try {
				HttpURLConnection reset = (HttpURLConnection) emulators.motoEndpoint()
					.resolve("/moto-api/reset")
					.toURL()
					.openConnection();
				reset.setRequestMethod("POST");
				if (reset.getResponseCode() != 200) {
					throw new IllegalStateException("moto reset answered " + reset.getResponseCode());
				}
				reset.disconnect();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			for (String stream : clients.kinesis().listStreams().streamNames()) {
				clients.kinesis().deleteStream(b -> b.streamName(stream).enforceConsumerDeletion(true));
			}
			for (int attempt = 0; attempt < 100
					&& !clients.kinesis().listStreams().streamNames().isEmpty(); attempt++) {
				Emulators.sleep(Duration.ofMillis(100));
			}
		}

		@Override
		public void close() {
			clients.close();
			emulators.close();
		}

	}

}
