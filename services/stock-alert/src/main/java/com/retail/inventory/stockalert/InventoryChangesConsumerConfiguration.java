package com.retail.inventory.stockalert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
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

	@Bean
	StockAlertSender stockAlertSender(AlertLog alertLog, AlertPublisher publisher, DynamoDbClient dynamoDb,
			StockAlertProperties properties) {
		ThresholdsCache thresholds = new ThresholdsCache(dynamoDb, properties.thresholdsTable(),
				properties.thresholdsRefresh(), Clock.systemUTC());
		return new StockAlertSender(alertLog, publisher, thresholds::get, properties.disabledTypes(),
				properties.digestAbove());
	}

	@Bean
	Consumer<Message<List<Record>>> sendStockAlerts(StockAlertSender sender, MeterRegistry meters) {
		Counter changes = Counter.builder("inventory.stock-alert.changes")
			.description("Change records of inventory-changes processed")
			.register(meters);
		return (message) -> {
			sender.send(message.getPayload());
			changes.increment(message.getPayload().size());
		};
	}

}
