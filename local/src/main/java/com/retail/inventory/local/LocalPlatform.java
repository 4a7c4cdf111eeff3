package com.retail.inventory.local;

import com.retail.inventory.contracts.InventoryResources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole pipeline on this machine: emulators, provisioned resources, demo users, the change-stream bridge
 * and the four services as separate processes. Used by {@code ./inventory up} and by the end-to-end test.
 */
public final class LocalPlatform implements AutoCloseable {

	/** Ports of everything the platform starts. */
	public record Ports(int moto, int kinesis, int dashboard, int ingest, int loader, int stockAlert) {

		public static Ports documented() {
			return new Ports(ServicePorts.MOTO, ServicePorts.KINESIS, ServicePorts.DASHBOARD, ServicePorts.INGEST,
					ServicePorts.LOADER, ServicePorts.STOCK_ALERT);
		}

		public static Ports free() {
			return new Ports(Emulators.freePort(), Emulators.freePort(), Emulators.freePort(), Emulators.freePort(),
					Emulators.freePort(), Emulators.freePort());
		}
	}

	private final Ports ports;
	private Emulators emulators;
	private LocalAwsClients aws;
	private LocalResources resources;
	private ChangeStreamBridge bridge;
	private ServiceLauncher services;

	private LocalPlatform(Ports ports) {
		this.ports = ports;
	}

	public static LocalPlatform start(Path root, Path logDir, Ports ports, Duration readyTimeout) {
		LocalPlatform platform = new LocalPlatform(ports);
		try {
			platform.emulators = Emulators.start(root, ports.moto(), ports.kinesis(), logDir);
			platform.aws = new LocalAwsClients(platform.emulators.endpoints());
			platform.resources = new LocalProvisioner(platform.aws, InventoryResources.load()).provision();
			DemoUsers.create(platform.aws.cognito(), platform.resources.userPoolId());
			platform.bridge = new ChangeStreamBridge(platform.aws, platform.resources.inventoryTableStreamArn(),
					platform.resources.inventoryTable(), platform.resources.changesStream())
				.start();
			platform.services = new ServiceLauncher(root, logDir);
			for (ServiceLauncher.Service service : platform.serviceDefinitions()) {
				platform.services.start(service);
			}
			platform.services.awaitReady(readyTimeout);
			return platform;
		}
		catch (RuntimeException ex) {
			platform.close();
			throw ex;
		}
	}

	/** How each service is configured locally: only standard AWS SDK settings and Spring properties. */
	private Iterable<ServiceLauncher.Service> serviceDefinitions() {
		Map<String, String> common = new LinkedHashMap<>(emulators.endpoints().environment());
		common.put("SPRING_MAIN_BANNER_MODE", "off");

		Map<String, String> ingest = new LinkedHashMap<>(common);
		// Buckets on a localhost endpoint cannot be addressed as virtual hosts.
		ingest.put("SPRING_CLOUD_AWS_S3_PATH_STYLE_ACCESS_ENABLED", "true");

		Map<String, String> stockAlert = new LinkedHashMap<>(common);
		stockAlert.put("INVENTORY_STOCK_ALERT_TOPIC_ARN", resources.noStockTopicArn());

		Map<String, String> dashboard = new LinkedHashMap<>(common);
		dashboard.put("INVENTORY_DASHBOARD_COGNITO_USER_POOL_ID", resources.userPoolId());
		dashboard.put("INVENTORY_DASHBOARD_COGNITO_CLIENT_ID", resources.userPoolClientId());
		// Real Cognito serves the JWKS under the issuer URL; the emulator serves it on its own endpoint.
		dashboard.put("INVENTORY_DASHBOARD_COGNITO_JWK_SET_URI",
				emulators.motoEndpoint() + "/" + resources.userPoolId() + "/.well-known/jwks.json");

		return java.util.List.of(new ServiceLauncher.Service("loader", ports.loader(), common),
				new ServiceLauncher.Service("stock-alert", ports.stockAlert(), stockAlert),
				new ServiceLauncher.Service("ingest", ports.ingest(), ingest),
				new ServiceLauncher.Service("dashboard", ports.dashboard(), dashboard));
	}

	public Ports ports() { return ports; }
	public AwsEndpoints endpoints() { return emulators.endpoints(); }
	public LocalAwsClients aws() { return aws; }
	public LocalResources resources() { return resources; }
	public ServiceLauncher services() { return services; }

	public String dashboardUrl() {
		return "http://localhost:" + ports.dashboard();
	}

	@Override
	public void close() {
		if (services != null) {
			services.close();
		}
		if (bridge != null) {
			bridge.close();
		}
		if (aws != null) {
			aws.close();
		}
		if (emulators != null) {
			emulators.close();
		}
	}
}
