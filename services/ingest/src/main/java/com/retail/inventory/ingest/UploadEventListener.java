package com.retail.inventory.ingest;

import com.retail.inventory.contracts.UploadRef;
import io.awspring.cloud.sqs.annotation.SqsListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Consumes the upload bucket's notifications. The message is deleted only when this
 * method returns, i.e. after every row of every announced upload is in Kinesis; on
 * failure it becomes visible again and is retried, and after the queue's maxReceiveCount
 * it moves to the dead-letter queue.
 */
@Component
class UploadEventListener {

	private static final Logger log = LoggerFactory.getLogger(UploadEventListener.class);

	private final UploadProcessor processor;

	private final IngestProperties properties;

	UploadEventListener(UploadProcessor processor, IngestProperties properties) {
		this.processor = processor;
		this.properties = properties;
	}

	@SqsListener("${inventory.ingest.queue}")
	void onNotification(String body) {
		List<UploadRef> uploads;
		try {
			uploads = UploadNotifications.uploads(body);
		}
		catch (IllegalArgumentException ex) {
			// Retrying a message that is not a notification cannot help; do not let it
			// block the queue.
			log.error("Ignoring message that is not an S3 event notification: {}", ex.getMessage());
			return;
		}
		for (var upload : uploads) {
			if (properties.isInventoryUpload(upload.key())) {
				processor.process(upload);
			}
			else {
				log.debug("Not ingesting {}: it is one of the platform's own reports", upload.id());
			}
		}
	}

}
