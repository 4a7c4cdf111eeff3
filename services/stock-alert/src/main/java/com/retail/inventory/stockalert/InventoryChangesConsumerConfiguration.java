package com.retail.inventory.stockalert;

import com.retail.inventory.contracts.ConsumerBehind;
import io.awspring.cloud.kinesis.integration.Checkpointer;
import io.awspring.cloud.kinesis.integration.KinesisHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The binder consumer of {@code inventory-changes}: one call per batch of change records,
 * handed to {@link StockAlertSender}. Only when the whole batch is done does the binder
 * checkpoint; if it throws, the batch is read again.
 */
@Configuration(proxyBeanMethods = false)
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

	/** Hands the collected records over when their window is over. */
	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService digestWindowTimer(DigestWindow window) {
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "digest-window");
			thread.setDaemon(true);
			return thread;
		});
		timer.scheduleWithFixedDelay(window::flushDue, 250, 250, TimeUnit.MILLISECONDS);
		return timer;
	}

	/**
	 * The binder's batches are collected in the digest window, which checkpoints them
	 * itself once their alerts are sent (checkpoint-mode: manual).
	 */
	@Bean
	Consumer<Message<List<Record>>> sendStockAlerts(DigestWindow window, MeterRegistry meters) {
		ConsumerBehind behind = new ConsumerBehind(meters, BINDING, Clock.systemUTC());
		return (message) -> {
			behind.received(message.getPayload().stream().map(Record::approximateArrivalTimestamp));
			window.accept(message.getHeaders().get(KinesisHeaders.SHARD, String.class), message.getPayload(),
					message.getHeaders().get(KinesisHeaders.CHECKPOINTER, Checkpointer.class));
		};
	}

}
