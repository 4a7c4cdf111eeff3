package com.retail.inventory.loader;

import com.retail.inventory.contracts.InventoryRecordEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The binder consumer: one call per batch of Kinesis records. It returns only after every
 * valid row is in the table; if it throws, the binder does not checkpoint and the batch
 * is read again (rows are idempotent puts, so a replay writes the same values).
 */
@Configuration(proxyBeanMethods = false)
class InventoryLoader {

	private static final Logger log = LoggerFactory.getLogger(InventoryLoader.class);

	private final InventoryRowDecoder decoder = new InventoryRowDecoder();

	@Bean
	Consumer<Message<List<Record>>> loadInventory(InventoryTableWriter writer) {
		return message -> {
			List<InventoryRecordEvent> events = message.getPayload()
				.stream()
				.map(record -> decoder.decode(record.data().asByteArray()))
				.flatMap(Optional::stream)
				.toList();
			List<InventoryRecordEvent> rows = LatestRowPerItem.of(events);
			int requests = writer.write(rows);
			log.debug("Loaded {} rows ({} records) with {} BatchWriteItem requests", rows.size(),
					message.getPayload().size(), requests);
		};
	}

}
