package com.retail.inventory.ingest;

import com.retail.inventory.contracts.InventoryRecordEvent;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Writes row events to {@code inventory-records} through the Kinesis binder. The binding
 * is synchronous: {@link #publish} returns once Kinesis has accepted the record and
 * throws when it has not.
 */
@Component
class InventoryRecordPublisher {

	/** Read by the binding's partition-key-expression. */
	static final String PARTITION_KEY_HEADER = "inventoryPartitionKey";

	private final StreamBridge streamBridge;

	private final String binding;

	InventoryRecordPublisher(StreamBridge streamBridge, IngestProperties properties) {
		this.streamBridge = streamBridge;
		this.binding = properties.binding();
	}

	void publish(InventoryRecordEvent event) {
		var message = MessageBuilder.withPayload(event).setHeader(PARTITION_KEY_HEADER, event.partitionKey()).build();
		if (!streamBridge.send(binding, message)) {
			throw new IllegalStateException("Kinesis binding " + binding + " did not accept row " + event.rowNumber()
					+ " of " + event.upload().id());
		}
	}

}
