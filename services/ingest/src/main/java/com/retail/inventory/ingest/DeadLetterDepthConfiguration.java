package com.retail.inventory.ingest;

import com.retail.inventory.contracts.DeadLetterDepth;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The depth of the upload queue's dead-letter queue ({@code inventory.dlq.messages},
 * {@code queue=upload-events-dlq}): notifications that failed on every delivery, whose
 * uploads are FAILED.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterDepthConfiguration {

	/** The queue's key in inventory-resources.properties. */
	static final String QUEUE_TAG = "upload-events-dlq";

	@Bean(initMethod = "start", destroyMethod = "close")
	DeadLetterDepth uploadEventsDeadLetterDepth(MeterRegistry meters, SqsAsyncClient sqs, IngestProperties properties) {
		return new DeadLetterDepth(meters, QUEUE_TAG, properties.deadLetterQueue(),
				DeadLetterDepth.sqs(sqs, properties.deadLetterQueue()), properties.deadLetterDepthPoll());
	}

}
