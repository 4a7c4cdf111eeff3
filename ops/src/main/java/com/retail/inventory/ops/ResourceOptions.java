package com.retail.inventory.ops;

import com.retail.inventory.contracts.InventoryResources;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The AWS resource names: those of {@code inventory-resources.properties} (the file the
 * services and the CDK app read), each overridable. A mixin, shared by the subcommands
 * that touch AWS.
 */
public final class ResourceOptions {

	@Option(names = "--resource", paramLabel = "NAME=VALUE",
			description = "Override a resource name of inventory-resources.properties, "
					+ "e.g. --resource records-stream=inventory-records-test (repeatable).")
	Map<String, String> overrides = new LinkedHashMap<>();

	/**
	 * @throws IllegalArgumentException for a name the file does not have
	 */
	public InventoryResources resources() {
		return InventoryResources.load().with(this.overrides);
	}

}
