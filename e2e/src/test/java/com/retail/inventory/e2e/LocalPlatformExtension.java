package com.retail.inventory.e2e;

import com.retail.inventory.local.DemoUsers;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local platform (emulators and the four service processes) per JVM, shared by every
 * end-to-end test class: starting it takes minutes, so a second class must not start a
 * second one. Started at the first class that asks for it (a {@link LocalPlatform}
 * parameter, e.g. of a {@code @BeforeAll} method); JUnit closes it when the run ends, as
 * an {@link AutoCloseable} value of the root store.
 */
public final class LocalPlatformExtension implements ParameterResolver {

	/** Shards of each stream. */
	static final int SHARDS = 4;

	/** Instances of the loader and of stock-alert. */
	static final int REPLICAS = 2;

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(LocalPlatformExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == LocalPlatform.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(LocalPlatform.class, (key) -> start(), LocalPlatform.class);
	}

	private static LocalPlatform start() {
		// As ./inventory up --replicas 2 runs it: four shards per stream, two loaders and
		// two
		// stock-alerts sharing them. Shorter timeouts than in production, so the crash
		// tests
		// need not wait minutes: a notification whose ingest died is visible again after
		// 30 s,
		// a loader's batch retries within 8 s; the dashboard asks Cognito every 5 s
		// whether a
		// web session's user may still sign in.
		LocalPlatform platform = LocalPlatform.start(LocalAwsExtension.repositoryRoot(), Path.of("target", "e2e-logs"),
				LocalPlatform.Ports.free(), Duration.ofMinutes(4),
				new LocalPlatform.Overrides(
						Map.of("upload-events-visibility-timeout-seconds", "30", "records-stream-shards",
								String.valueOf(SHARDS), "changes-stream-shards", String.valueOf(SHARDS)),
						Map.of("loader",
								Map.of("INVENTORY_LOADER_RETRY_BUDGET", "8s", "INVENTORY_LOADER_FAST_WRITE_WINDOW",
										"10s"),
								"stock-alert", Map.of("INVENTORY_STOCK_ALERT_THRESHOLDS_REFRESH", "1s"), "dashboard",
								Map.of("INVENTORY_DASHBOARD_SESSIONCHECK", "5s")),
						REPLICAS));
		try {
			// The demo users start with a temporary password, as an administrator creates
			// them; the tests call the API with ops-demo's tokens, so it has signed in
			// once.
			DemoUsers.confirm(platform.aws().cognito(), platform.resources().userPoolId(), DemoUsers.USERNAME,
					DemoUsers.PASSWORD);
			return platform;
		}
		catch (RuntimeException ex) {
			platform.close();
			throw ex;
		}
	}

}
