package com.retail.inventory.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Typed view of {@code inventory-resources.properties}, the one source of resource names
 * for code that is not a Spring application (local provisioning, infrastructure as code).
 * Spring services read the same file through {@code spring.config.import}.
 */
public final class InventoryResources {

	public static final String FILE = "inventory-resources.properties";

	private static final String PREFIX = "inventory.resources.";

	private final Properties properties;

	private InventoryResources(Properties properties) {
		this.properties = properties;
	}

	public static InventoryResources load() {
		Properties properties = new Properties();
		try (InputStream in = InventoryResources.class.getClassLoader().getResourceAsStream(FILE)) {
			if (in == null) {
				throw new IllegalStateException(FILE + " is not on the classpath");
			}
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (String name : properties.stringPropertyNames()) {
			if (!name.startsWith(PREFIX)) {
				throw new IllegalStateException(FILE + " has a key outside " + PREFIX + ": " + name);
			}
		}
		return new InventoryResources(properties);
	}

	/**
	 * Every entry, keyed without the {@code inventory.resources.} prefix: the keys of the
	 * Helm chart's {@code resources} map.
	 */
	public Map<String, String> entries() {
		Map<String, String> entries = new TreeMap<>();
		for (String name : properties.stringPropertyNames()) {
			entries.put(name.substring(PREFIX.length()), properties.getProperty(name));
		}
		return entries;
	}

	/**
	 * @param overrides entries to change (keys without the {@code inventory.resources.}
	 * prefix), e.g. a shorter timeout for a test
	 * @return these resources with the overrides applied
	 */
	public InventoryResources with(Map<String, String> overrides) {
		Properties changed = new Properties();
		changed.putAll(this.properties);
		overrides.forEach((name, value) -> {
			get(name);
			changed.setProperty(PREFIX + name, value);
		});
		return new InventoryResources(changed);
	}

	public String get(String name) {
		String value = properties.getProperty(PREFIX + name);
		if (value == null) {
			throw new IllegalArgumentException("No resource named '" + name + "' in " + FILE);
		}
		return value;
	}

	public String uploadsBucket() {
		return get("uploads-bucket");
	}

	public String uploadEventsQueue() {
		return get("upload-events-queue");
	}

	public String uploadEventsDlq() {
		return get("upload-events-dlq");
	}

	public int uploadEventsMaxReceives() {
		return Integer.parseInt(get("upload-events-max-receives"));
	}

	public String recordsStream() {
		return get("records-stream");
	}

	public String recordsDlq() {
		return get("records-dlq");
	}

	public int recordsDlqRetentionDays() {
		return Integer.parseInt(get("records-dlq-retention-days"));
	}

	public String changesStream() {
		return get("changes-stream");
	}

	public String inventoryTable() {
		return get("inventory-table");
	}

	public String alertLogTable() {
		return get("alert-log-table");
	}

	public String thresholdsTable() {
		return get("thresholds-table");
	}

	public String uploadsTable() {
		return get("uploads-table");
	}

	public int uploadsRetentionDays() {
		return Integer.parseInt(get("uploads-retention-days"));
	}

	public String noStockTopic() {
		return get("no-stock-topic");
	}

	public String loaderLeaseTable() {
		return get("loader-lease-table");
	}

	public String stockAlertLeaseTable() {
		return get("stock-alert-lease-table");
	}

	public String loaderCoordinatorStateTable() {
		return get("loader-coordinator-state-table");
	}

	public String loaderWorkerMetricsTable() {
		return get("loader-worker-metrics-table");
	}

	public String stockAlertCoordinatorStateTable() {
		return get("stock-alert-coordinator-state-table");
	}

	public String stockAlertWorkerMetricsTable() {
		return get("stock-alert-worker-metrics-table");
	}

	public String userPool() {
		return get("user-pool");
	}

	public String userPoolClient() {
		return get("user-pool-client");
	}

	public String uploadsReportsPrefix() {
		return get("uploads-reports-prefix");
	}

	public int uploadEventsVisibilityTimeoutSeconds() {
		return Integer.parseInt(get("upload-events-visibility-timeout-seconds"));
	}

	public int uploadEventsDlqRetentionDays() {
		return Integer.parseInt(get("upload-events-dlq-retention-days"));
	}

	public int recordsStreamShards() {
		return Integer.parseInt(get("records-stream-shards"));
	}

	public int changesStreamShards() {
		return Integer.parseInt(get("changes-stream-shards"));
	}

	public int streamRetentionHours() {
		return Integer.parseInt(get("stream-retention-hours"));
	}

	public String headOfficeGroup() {
		return get("head-office-group");
	}

	public String storeManagersGroup() {
		return get("store-managers-group");
	}

}
