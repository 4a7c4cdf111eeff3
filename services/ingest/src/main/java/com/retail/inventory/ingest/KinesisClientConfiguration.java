package com.retail.inventory.ingest;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;

/**
 * The Kinesis client: credentials and region as for every Spring Cloud AWS client, the
 * endpoint from the standard AWS SDK settings.
 *
 * <p>
 * HTTP/1.1: only SubscribeToShard (enhanced fan-out, which the platform does not use)
 * needs HTTP/2, and PutRecords over a small connection pool performs the same.
 */
@Configuration(proxyBeanMethods = false)
class KinesisClientConfiguration {

	@Bean(destroyMethod = "close")
	KinesisAsyncClient kinesisAsyncClient(AwsClientBuilderConfigurer configurer, IngestProperties properties) {
		return configurer.configure(KinesisAsyncClient.builder())
			.httpClientBuilder(NettyNioAsyncHttpClient.builder()
				.protocol(Protocol.HTTP1_1)
				.maxConcurrency(properties.maxConcurrentUploads() * properties.kinesis().maxInFlight() + 2))
			.build();
	}

}
