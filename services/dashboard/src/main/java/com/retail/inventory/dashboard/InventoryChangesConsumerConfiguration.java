package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.ConsumerBehind;
import io.awspring.cloud.autoconfigure.AwsClientCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.metadata.ConcurrentMetadataStore;
import org.springframework.integration.metadata.SimpleMetadataStore;
import org.springframework.integration.support.locks.DefaultLockRegistry;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.messaging.Message;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClientBuilder;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The dashboard's own consumer of {@code inventory-changes}, which marks changed stores
 * dirty in the {@link InventoryView}.
 *
 * <p>
 * Anonymous (no group): every replica reads every shard from LATEST, because every
 * replica keeps a whole view; what happened before it started is in its first read of the
 * table. Its checkpoints and shard locks are kept in memory: the binder's DynamoDB
 * checkpoint store and lock registry are {@code @ConditionalOnMissingBean}, so these
 * beans keep it from creating or using any table (a restarted replica reads the table
 * again anyway).
 */
@Configuration(proxyBeanMethods = false)
class InventoryChangesConsumerConfiguration {

	/**
	 * The binding of {@link #inventoryChanged} (application.yml), the tag of its meters.
	 */
	static final String BINDING = "inventoryChanged-in-0";

	@Bean
	ConcurrentMetadataStore inMemoryCheckpointStore() {
		return new SimpleMetadataStore();
	}

	@Bean
	LockRegistry<?> inMemoryLockRegistry() {
		return new DefaultLockRegistry();
	}

	/**
	 * The binder's Kinesis client speaks HTTP/1.1: the consumer polls with GetRecords,
	 * and only SubscribeToShard (enhanced fan-out, not used) needs HTTP/2, which some
	 * Kinesis-compatible endpoints do not speak.
	 */
	@Bean
	AwsClientCustomizer<KinesisAsyncClientBuilder> kinesisOverHttp11() {
		return (builder) -> builder.httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1));
	}

	/** One call per batch of records (listener-mode batch). */
	@Bean
	Consumer<Message<List<Record>>> inventoryChanged(InventoryView view, MeterRegistry meters) {
		ChangedStores changedStores = new ChangedStores();
		ConsumerBehind behind = new ConsumerBehind(meters, BINDING, Clock.systemUTC());
		return (message) -> {
			behind.received(message.getPayload().stream().map(Record::approximateArrivalTimestamp));
			view.changed(changedStores.of(message.getPayload().stream().map((r) -> r.data().asByteArray()).toList()));
		};
	}

}
