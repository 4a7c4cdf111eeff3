package com.retail.inventory.loader;

import com.retail.inventory.contracts.InventoryRecordEvent;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * Loads one batch of {@code inventory-records}: decodes each record (skipping those that
 * break the contract), keeps the last record per store item and writes them. Returns only
 * after every valid record is in the table; throws otherwise, so the batch is not
 * checkpointed and is read again (writes are idempotent puts, so a replay writes the same
 * values).
 */
class InventoryBatchLoader {

	private static final Logger log = LoggerFactory.getLogger(InventoryBatchLoader.class);

	private final InventoryRecordDecoder decoder = new InventoryRecordDecoder();

	private final InventoryTableWriter writer;

	InventoryBatchLoader(InventoryTableWriter writer) {
		this.writer = writer;
	}

	/**
	 * @param batch the Kinesis records of one poll of one shard, in stream order
	 * @return how many items were written
	 */
	int load(List<Record> batch) {
		List<InventoryRecordEvent> events = batch.stream()
			.map((record) -> this.decoder.decode(record.data().asByteArray()))
			.flatMap(Optional::stream)
			.toList();
		List<InventoryRecordEvent> latest = LatestRecordPerItem.of(events);
		int requests = this.writer.write(latest);
		log.debug("Loaded {} items ({} records) with {} BatchWriteItem requests", latest.size(), batch.size(),
				requests);
		return latest.size();
	}

}
