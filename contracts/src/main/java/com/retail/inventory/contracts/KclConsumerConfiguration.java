package com.retail.inventory.contracts;

import io.awspring.cloud.autoconfigure.AwsClientCustomizer;
import io.awspring.cloud.kinesis.integration.KclMessageDrivenChannelAdapter;
import org.springframework.cloud.stream.config.ConsumerEndpointCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClientBuilder;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClientBuilder;

/**
 * The binder's clients and KCL settings for a consumer group in the binder's KCL mode
 * (the loader and stock-alert import it, and give their {@link KclLeases} as a bean).
 */
@Configuration(proxyBeanMethods = false)
public class KclConsumerConfiguration {

	/**
	 * The binder's Kinesis client speaks HTTP/1.1: KCL polls with GetRecords (fan-out
	 * off), and only SubscribeToShard (enhanced fan-out) needs HTTP/2, which some
	 * Kinesis-compatible endpoints do not speak.
	 */
	@Bean
	AwsClientCustomizer<KinesisAsyncClientBuilder> kinesisOverHttp11() {
		return (builder) -> builder.httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1));
	}

	/**
	 * Without any customizer of its CloudWatch client the binder builds none and KCL
	 * fails with a NullPointerException at start, although its metrics are off
	 * (metrics-level NONE): this one changes nothing.
	 */
	@Bean
	AwsClientCustomizer<CloudWatchAsyncClientBuilder> cloudWatchAsIs() {
		return (builder) -> {
		};
	}

	/** The lease tables, failover and hand-off of the service's binding. */
	@Bean
	ConsumerEndpointCustomizer<KclMessageDrivenChannelAdapter> kclLeasesApplied(KclLeases leases,
			DynamoDbClient dynamoDb) {
		return (adapter, destination, group) -> leases.applyTo(adapter, dynamoDb);
	}

}
