package com.retail.inventory.loader;

import io.awspring.cloud.autoconfigure.AwsClientCustomizer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

/**
 * Counts the DynamoDB requests KCL makes through the binder's client for its leases,
 * checkpoints and load reports ({@code inventory.loader.binder.requests}, by operation):
 * they cost per time more than per row, so they are counted apart from the loader's own
 * requests. (LeaseShareWorkerMetric's Scans use the service's client: two every 5 s.)
 */
@Configuration(proxyBeanMethods = false)
class BinderRequestMetrics {

	@Bean
	AwsClientCustomizer<DynamoDbAsyncClientBuilder> countBinderRequests(MeterRegistry meters) {
		ExecutionInterceptor counter = new ExecutionInterceptor() {
			@Override
			public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
				Counter.builder("inventory.loader.binder.requests")
					.description("DynamoDB requests of KCL (leases, checkpoints, load reports)")
					.tag("operation", attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
					.register(meters)
					.increment();
			}
		};
		return (builder) -> builder.overrideConfiguration(
				builder.overrideConfiguration().toBuilder().addExecutionInterceptor(counter).build());
	}

}
