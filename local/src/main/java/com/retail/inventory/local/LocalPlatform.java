package com.retail.inventory.local;

import com.retail.inventory.contracts.InventoryResources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

	/**
	 * Settings that differ from the defaults, e.g. for a test that must not wait minutes
	 * for a visibility timeout or a lock lease.
	 *
	 * @param resources entries of {@code inventory-resources.properties} to provision and
	 * configure with other values (key without the {@code inventory.resources.} prefix)
	 * @param services further environment variables per service
	 */
	public record Overrides(Map<String, String> resources, Map<String, Map<String, String>> services,
			int consumerReplicas) {

		/**
		 * @param consumerReplicas instances of each Kinesis consumer group's service (the
		 * loader and stock-alert), which share the shards between them
		 */
		public Overrides {
			if (consumerReplicas < 1) {
				throw new IllegalArgumentException("consumerReplicas must be at least 1");
			}
		}

		public Overrides(Map<String, String> resources, Map<String, Map<String, String>> services) {
			this(resources, services, 1);
		}

		public static Overrides none() {
			return new Overrides(Map.of(), Map.of());
		}

	}

	/** The services that read a stream as a consumer group: they may run replicated. */
	public static final List<String> CONSUMER_GROUP_SERVICES = List.of("loader", "stock-alert");

	public static LocalPlatform start(Path root, Path logDir, Ports ports, Duration readyTimeout) {
		return start(root, logDir, ports, readyTimeout, Overrides.none());
	}

	public static LocalPlatform start(Path root, Path logDir, Ports ports, Duration readyTimeout, Overrides overrides) {
		LocalPlatform platform = new LocalPlatform(ports);
		for (var service : List.of(Map.entry("dashboard", ports.dashboard()), Map.entry("ingest", ports.ingest()),
				Map.entry("loader", ports.loader()), Map.entry("stock-alert", ports.stockAlert()))) {
			Emulators.requireFree(service.getValue(), service.getKey());
		}
		try {
			platform.emulators = Emulators.start(root, ports.moto(), ports.kinesis(), logDir,
					logDir.toAbsolutePath().resolveSibling("kinesis-data"));
			platform.aws = new LocalAwsClients(platform.emulators.endpoints());
			platform.resources = new LocalProvisioner(platform.aws,
					InventoryResources.load().with(overrides.resources()))
				.provision();
			DemoUsers.create(platform.aws.cognito(), platform.resources.userPoolId());
			platform.bridge = new ChangeStreamBridge(platform.aws, platform.resources.inventoryTableStreamArn(),
					platform.resources.inventoryTable(), platform.resources.changesStream())
				.start();
			platform.services = new ServiceLauncher(root, logDir);
			for (ServiceLauncher.Service service : platform.serviceDefinitions(overrides)) {
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
	private List<ServiceLauncher.Service> serviceDefinitions(Overrides overrides) {
		ServiceEnvironment environment = new ServiceEnvironment(this.emulators.endpoints(), this.resources);
		Map<String, Integer> portOf = Map.of("loader", this.ports.loader(), "stock-alert", this.ports.stockAlert(),
				"ingest", this.ports.ingest(), "dashboard", this.ports.dashboard());
		List<ServiceLauncher.Service> definitions = new ArrayList<>();
		for (String name : ServiceEnvironment.SERVICES) {
			Map<String, String> env = new LinkedHashMap<>(environment.of(name));
			// Every service reads the shared settings: an override reaches them as env.
			overrides.resources()
				.forEach((key, value) -> env
					.put("INVENTORY_RESOURCES_" + key.toUpperCase(Locale.ROOT).replace('-', '_'), value));
			env.putAll(overrides.services().getOrDefault(name, Map.of()));
			definitions.add(new ServiceLauncher.Service(name, portOf.get(name), env));
			if (CONSUMER_GROUP_SERVICES.contains(name)) {
				for (int replica = 2; replica <= overrides.consumerReplicas(); replica++) {
					definitions.add(new ServiceLauncher.Service(name + "-" + replica, name,
							replicaPort(portOf.get(name), replica), env));
				}
			}
		}
		return definitions;
	}

	/**
	 * The documented ports' replicas are 10 apart (loader 8082, 8092, …); otherwise any
	 * free port.
	 */
	private static int replicaPort(int firstPort, int replica) {
		boolean documented = firstPort == ServicePorts.LOADER || firstPort == ServicePorts.STOCK_ALERT;
		return documented ? firstPort + 10 * (replica - 1) : Emulators.freePort();
	}

	/**
	 * The ports of every running instance of a service (its replicas after the first).
	 */
	public List<Integer> portsOf(String service) {
		return this.services.instancesOf(service).stream().map(ServiceLauncher.Service::port).toList();
	}

	/** The running services, e.g. to kill and restart one. */
	public ServiceLauncher services() {
		return this.services;
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
