package com.retail.inventory.examples.changestream;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * Reads {@code inventory-changes} with the Spring Cloud Stream Kinesis binder (consumer
 * group {@code example-consumer}, application.yml) and logs every change as
 * {@code store/item count old→new}. The binder hands over one shard's batch of raw
 * Kinesis records at a time and checkpoints it once the function returns; if the function
 * throws, the batch is read again.
 */
@SpringBootApplication
public class ChangeStreamConsumerApplication {

	private static final Logger log = LoggerFactory.getLogger(ChangeStreamConsumerApplication.class);

	public static void main(String[] args) {
		SpringApplication.run(ChangeStreamConsumerApplication.class, args);
	}

	@Bean
	ReceivedChanges receivedChanges() {
		return new ReceivedChanges();
	}

	@Bean
	Consumer<Message<List<Record>>> logChanges(ReceivedChanges changes) {
		ChangeDecoder decoder = new ChangeDecoder();
		return (message) -> {
			for (Record record : message.getPayload()) {
				decoder.decode(record.data().asByteArray()).ifPresent((change) -> {
					boolean applied = changes.accept(change);
					log.info("{} {} (version {}, eventID {}){}", change.eventName(), change.summary(), change.version(),
							change.eventId(), applied ? "" : ": not newer than the item's last change, ignored");
				});
			}
		};
	}

}
