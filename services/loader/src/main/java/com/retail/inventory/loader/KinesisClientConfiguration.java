package com.retail.inventory.loader;

import io.awspring.cloud.autoconfigure.AwsClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClientBuilder;

/**
 * The binder's Kinesis client speaks HTTP/1.1: the consumer polls with GetRecords, and
 * only SubscribeToShard (enhanced fan-out, not used here) needs HTTP/2, which some
 * Kinesis-compatible endpoints do not speak.
 */
@Configuration(proxyBeanMethods = false)
class KinesisClientConfiguration {

	@Bean
	AwsClientCustomizer<KinesisAsyncClientBuilder> kinesisOverHttp11() {
		return (builder) -> builder.httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1));
	}

}
