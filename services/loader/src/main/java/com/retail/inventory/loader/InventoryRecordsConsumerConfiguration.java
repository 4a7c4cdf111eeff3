package com.retail.inventory.loader;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The binder consumer of {@code inventory-records}: one call per batch of Kinesis
 * records, handed to {@link InventoryBatchLoader}. If it throws, the binder does not
 * checkpoint and the batch is read again.
 */
@Configuration(proxyBeanMethods = false)
class InventoryRecordsConsumerConfiguration {

	@Bean
	InventoryBatchLoader inventoryBatchLoader(InventoryTableWriter writer) {
		return new InventoryBatchLoader(writer);
	}

	@Bean
	Consumer<Message<List<Record>>> loadInventory(InventoryBatchLoader loader) {
		return (message) -> loader.load(message.getPayload());
	}

}
