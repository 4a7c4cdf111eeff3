package com.retail.inventory.infra;

import com.retail.inventory.contracts.InventoryResources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Every entry of {@code inventory-resources.properties} (the file behind
 * {@link InventoryResources}), keyed without the {@code inventory.resources.} prefix: the
 * keys the Helm chart's {@code resources} map has.
 */
public final class SharedResourceFile {

	private static final String PREFIX = "inventory.resources.";

	private SharedResourceFile() {
	}

	public static Map<String, String> entries() {
		Properties properties = new Properties();
		try (InputStream in = InventoryResources.class.getClassLoader().getResourceAsStream(InventoryResources.FILE)) {
			if (in == null) {
				throw new IllegalStateException(InventoryResources.FILE + " is not on the classpath");
			}
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, String> entries = new TreeMap<>();
		for (String name : properties.stringPropertyNames()) {
			if (!name.startsWith(PREFIX)) {
				throw new IllegalStateException(InventoryResources.FILE + " has a key outside " + PREFIX + ": " + name);
			}
			entries.put(name.substring(PREFIX.length()), properties.getProperty(name));
		}
		return entries;
	}

}
