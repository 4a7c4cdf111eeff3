package com.retail.inventory.local;

import com.retail.inventory.contracts.InventoryResources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The whole pipeline on this machine: emulators, provisioned resources, demo users, the
 * change-stream bridge and the four services as separate processes. Used by
 * {@code ./inventory up} and by the end-to-end test.
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

	/**
	 * How each service is configured locally: only standard AWS SDK settings and Spring
	 * properties.
	 */
	private Iterable<ServiceLauncher.Service> serviceDefinitions() {
		ServiceEnvironment environment = new ServiceEnvironment(emulators.endpoints(), resources);
		return List.of(new ServiceLauncher.Service("loader", ports.loader(), environment.of("loader")),
				new ServiceLauncher.Service("stock-alert", ports.stockAlert(), environment.of("stock-alert")),
				new ServiceLauncher.Service("ingest", ports.ingest(), environment.of("ingest")),
				new ServiceLauncher.Service("dashboard", ports.dashboard(), environment.of("dashboard")));
	}

	public Ports ports() {
		return ports;
	}

	public AwsEndpoints endpoints() {
		return emulators.endpoints();
	}

	public LocalAwsClients aws() {
		return aws;
	}

	public LocalResources resources() {
		return resources;
	}

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
