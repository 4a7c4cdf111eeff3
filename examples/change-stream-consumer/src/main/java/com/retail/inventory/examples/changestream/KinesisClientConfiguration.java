package com.retail.inventory.examples.changestream;

import io.awspring.cloud.autoconfigure.AwsClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClientBuilder;

/**
 * The binder's Kinesis client speaks HTTP/1.1, as stock-alert's does: a polling consumer
 * needs no HTTP/2 (only enhanced fan-out's SubscribeToShard does), and the local Kinesis
 * emulator speaks HTTP/1.1 only. Harmless against AWS.
 */
@Configuration(proxyBeanMethods = false)
class KinesisClientConfiguration {

	@Bean
	AwsClientCustomizer<KinesisAsyncClientBuilder> kinesisOverHttp11() {
		return (builder) -> builder.httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1));
	}

}
