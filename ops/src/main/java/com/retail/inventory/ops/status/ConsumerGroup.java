package com.retail.inventory.ops.status;

import com.retail.inventory.contracts.InventoryResources;
import java.util.List;

/**
 * A Kinesis binder consumer group: the stream it reads and the table it checkpoints in.
 *
 * @param group the binding's {@code group} (services' application.yml)
 * @param stream the stream it reads
 * @param checkpointTable its checkpoint table (attributes: BinderTableAttributes)
 */
public record ConsumerGroup(String group, String stream, String checkpointTable) {

	/** The platform's two groups: the loader and stock-alert. */
	public static List<ConsumerGroup> of(InventoryResources names) {
		return List.of(new ConsumerGroup("loader", names.recordsStream(), names.loaderCheckpointTable()),
				new ConsumerGroup("stock-alert", names.changesStream(), names.stockAlertCheckpointTable()));
	}

	/**
	 * The checkpoint item's key for a shard: {@code <group>:<stream>:<shardId>}, as
	 * Spring Cloud AWS's KinesisMessageDrivenChannelAdapter (buildCheckpointKeyForShard)
	 * builds it.
	 */
	public String checkpointKey(String shardId) {
		return this.group + ":" + this.stream + ":" + shardId;
	}

}
