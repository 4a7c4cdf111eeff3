package com.retail.inventory.ops.status;

import com.retail.inventory.contracts.InventoryResources;
import java.util.List;

/**
 * A Kinesis consumer group in the binder's KCL mode: the stream it reads and the KCL
 * lease table holding its checkpoints (one item per shard).
 *
 * @param group the binding's {@code group} (services' application.yml); also the name of
 * the component, so of its Deployment (the chart names Deployments after components)
 * @param stream the stream it reads
 * @param leaseTable its lease table (attributes: LeaseTableAttributes)
 */
public record ConsumerGroup(String group, String stream, String leaseTable) {

	/** The platform's two groups: the loader and stock-alert. */
	public static List<ConsumerGroup> of(InventoryResources names) {
		return List.of(new ConsumerGroup("loader", names.recordsStream(), names.loaderLeaseTable()),
				new ConsumerGroup("stock-alert", names.changesStream(), names.stockAlertLeaseTable()));
	}

	/**
	 * @throws IllegalArgumentException when no group has that name
	 */
	public static ConsumerGroup named(InventoryResources names, String group) {
		return of(names).stream()
			.filter((g) -> g.group().equals(group))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"no consumer group '" + group + "' (groups: " + String.join(", ", groupNames()) + ")"));
	}

	/** The groups' names, for usage messages. */
	public static List<String> groupNames() {
		return List.of("loader", "stock-alert");
	}

	/** The Deployment whose pods are the group's workers. */
	public String deployment() {
		return this.group;
	}

}
