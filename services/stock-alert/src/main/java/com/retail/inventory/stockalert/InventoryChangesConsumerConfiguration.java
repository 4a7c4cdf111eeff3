package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.ConsumerBehind;
import com.retail.inventory.contracts.KclCheckpointer;
import com.retail.inventory.contracts.KclConsumerConfiguration;
import com.retail.inventory.contracts.KclLeases;
import com.retail.inventory.contracts.KclRecords;
import io.awspring.cloud.kinesis.integration.KinesisHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * The binder consumer of {@code inventory-changes} (KCL mode): one call per batch of
 * change records, collected in the {@link DigestWindow}, which hands them to
 * {@link StockAlertSender} and checkpoints once their alerts are sent.
 */
@Configuration(proxyBeanMethods = false)
@Import(KclConsumerConfiguration.class)
class InventoryChangesConsumerConfiguration {

	/**
	 * The binding of {@link #sendStockAlerts} (application.yml), the tag of its meters.
	 */
	static final String BINDING = "sendStockAlerts-in-0";

	/** Records one shard collects at most before they are handled at once. */
	private static final int MAX_COLLECTED = 20_000;

	@Bean
	StockAlertSender stockAlertSender(AlertLog alertLog, AlertPublisher publisher, DynamoDbClient dynamoDb,
			StockAlertProperties properties) {
		ThresholdsCache thresholds = new ThresholdsCache(dynamoDb, properties.thresholdsTable(),
				properties.thresholdsRefresh(), Clock.systemUTC());
		return new StockAlertSender(alertLog, publisher, thresholds::get, properties.disabledTypes(),
				properties.digestAbove());
	}

	@Bean
	DigestWindow digestWindow(StockAlertSender sender, StockAlertProperties properties, MeterRegistry meters) {
		Counter changes = Counter.builder("inventory.stock-alert.changes")
			.description("Change records of inventory-changes processed")
			.register(meters);
		return new DigestWindow((records) -> {
			sender.send(records);
			changes.increment(records.size());
		}, properties.digestWindow(), MAX_COLLECTED, Clock.systemUTC());
	}

	@Bean
	DigestWindowTimer digestWindowTimer(DigestWindow window) {
		return new DigestWindowTimer(window, Duration.ofMillis(250));
	}

	/**
	 * The binder's batches are collected in the digest window, which checkpoints them
	 * itself once their alerts are sent (checkpoint-mode: manual).
	 */
	@Bean
	Consumer<Message<List<KinesisClientRecord>>> sendStockAlerts(DigestWindow window, MeterRegistry meters) {
		ConsumerBehind behind = new ConsumerBehind(meters, BINDING, Clock.systemUTC());
		return (message) -> {
			List<Record> batch = KclRecords.of(message.getPayload());
			behind.received(batch.stream().map(Record::approximateArrivalTimestamp));
			String shard = message.getHeaders().get(KinesisHeaders.SHARD, String.class);
			window.accept(shard, batch,
					KclCheckpointer.of(message.getHeaders().get(KinesisHeaders.CHECKPOINTER), shard));
		};
	}

	/** How the binding runs KCL (KclConsumerConfiguration applies it). */
	@Bean
	KclLeases kclLeases(StockAlertProperties properties) {
		return properties.leases();
	}

}
