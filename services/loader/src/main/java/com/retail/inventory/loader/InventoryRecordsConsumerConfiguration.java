package com.retail.inventory.loader;

import com.retail.inventory.contracts.ConsumerBehind;
import com.retail.inventory.contracts.KclCheckpointer;
import com.retail.inventory.contracts.KclConsumerConfiguration;
import com.retail.inventory.contracts.KclLeases;
import com.retail.inventory.contracts.KclRecords;
import io.awspring.cloud.kinesis.integration.KinesisHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.kinesis.retrieval.KinesisClientRecord;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The binder consumer of {@code inventory-records} (KCL mode): one call per batch of
 * Kinesis records, handed to {@link InventoryBatchLoader} until it is loaded, then
 * checkpointed ({@link LoadUntilDone}).
 */
@Configuration(proxyBeanMethods = false)
@Import(KclConsumerConfiguration.class)
class InventoryRecordsConsumerConfiguration {

	/** The binding of {@link #loadInventory} (application.yml), the tag of its meters. */
	static final String BINDING = "loadInventory-in-0";

	/**
	 * The DynamoDB requests of a batch run on these threads, at most this many at once.
	 */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService loaderRequests(LoaderProperties properties) {
		return Executors.newFixedThreadPool(properties.writeConcurrency(), (task) -> {
			Thread thread = new Thread(task, "loader-dynamodb");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Bean
	InventoryBatchLoader inventoryBatchLoader(DynamoDbClient dynamoDb, S3Client s3, DeadLetters deadLetters,
			LoaderMetrics metrics, ExecutorService loaderRequests, LoaderProperties properties) {
		return new InventoryBatchLoader(new StoredVersions(dynamoDb, properties.table(), metrics),
				new InventoryTableWriter(dynamoDb, properties.table(), metrics), deadLetters, metrics, loaderRequests,
				properties, Clock.systemUTC(), InventoryRecordsConsumerConfiguration::sleep,
				new UploadProgress(dynamoDb, properties.uploadsTable(), metrics, Clock.systemUTC()),
				new UploadReportFinisher(s3));
	}

	/** How the binding runs KCL (KclConsumerConfiguration applies it). */
	@Bean
	KclLeases kclLeases(LoaderProperties properties) {
		return properties.leases();
	}

	@Bean
	Consumer<Message<List<KinesisClientRecord>>> loadInventory(InventoryBatchLoader loader, MeterRegistry meters) {
		ConsumerBehind behind = new ConsumerBehind(meters, BINDING, Clock.systemUTC());
		LoadUntilDone untilDone = new LoadUntilDone(Duration.ofSeconds(1), Duration.ofSeconds(30),
				InventoryRecordsConsumerConfiguration::sleep);
		return (message) -> {
			List<Record> batch = KclRecords.of(message.getPayload());
			if (batch.isEmpty()) {
				return;
			}
			behind.received(batch.stream().map(Record::approximateArrivalTimestamp));
			String stream = message.getHeaders().get(KinesisHeaders.RECEIVED_STREAM, String.class);
			String shard = message.getHeaders().get(KinesisHeaders.SHARD, String.class);
			untilDone.load(() -> loader.load(batch, stream, shard),
					KclCheckpointer.of(message.getHeaders().get(KinesisHeaders.CHECKPOINTER), shard),
					batch.get(batch.size() - 1).sequenceNumber(), shard);
		};
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to retry", ex);
		}
	}

}
