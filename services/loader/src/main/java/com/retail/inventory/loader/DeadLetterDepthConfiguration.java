package com.retail.inventory.loader;

import com.retail.inventory.contracts.DeadLetterDepth;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The depth of the records dead-letter queue ({@code inventory.dlq.messages},
 * {@code queue=records-dlq}): records the loader could never load.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterDepthConfiguration {

	/** The queue's key in inventory-resources.properties. */
	static final String QUEUE_TAG = "records-dlq";

	@Bean(initMethod = "start", destroyMethod = "close")
	DeadLetterDepth recordsDeadLetterDepth(MeterRegistry meters, SqsAsyncClient sqs, LoaderProperties properties) {
		return new DeadLetterDepth(meters, QUEUE_TAG, properties.deadLetterQueue(),
				DeadLetterDepth.sqs(sqs, properties.deadLetterQueue()), properties.deadLetterDepthPoll());
	}

}
