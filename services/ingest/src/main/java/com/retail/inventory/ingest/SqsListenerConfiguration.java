package com.retail.inventory.ingest;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * How many files an instance takes at once, and how long its listener waits for files in
 * progress on shutdown: longer than the grace period, so a file is either finished or
 * handed back, never cut off.
 */
@Configuration(proxyBeanMethods = false)
class SqsListenerConfiguration {

	@Bean
	SqsMessageListenerContainerFactory<Object> defaultSqsListenerContainerFactory(SqsAsyncClient sqs,
			IngestProperties properties) {
		return SqsMessageListenerContainerFactory.builder()
			.sqsAsyncClient(sqs)
			.configure((options) -> options.maxConcurrentMessages(properties.maxConcurrentUploads())
				.maxMessagesPerPoll(properties.maxConcurrentUploads())
				.listenerShutdownTimeout(properties.shutdownGrace().plus(Duration.ofSeconds(5))))
			.build();
	}

}
