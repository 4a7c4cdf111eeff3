package com.retail.inventory.ingest;

import com.retail.inventory.contracts.UploadRef;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.Visibility;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Consumes the upload bucket's notifications. The message is deleted only when this
 * method returns, i.e. after every row of every announced upload is in Kinesis; while it
 * runs, a heartbeat keeps the message from other instances. On failure it becomes visible
 * again and is retried, and after the queue's maxReceiveCount it moves to the dead-letter
 * queue; when this instance shuts down before a file is done, the message is made visible
 * at once.
 */
@Component
class UploadEventListener {

	private static final Logger log = LoggerFactory.getLogger(UploadEventListener.class);

	private final UploadProcessor processor;

	private final IngestProperties properties;

	private final VisibilityHeartbeat heartbeat;

	UploadEventListener(UploadProcessor processor, IngestProperties properties, VisibilityHeartbeat heartbeat) {
		this.processor = processor;
		this.properties = properties;
		this.heartbeat = heartbeat;
	}

	@SqsListener("${inventory.ingest.queue}")
	void onNotification(String body, Visibility visibility) {
		List<UploadRef> uploads;
		try {
			uploads = UploadNotifications.uploads(body);
		}
		catch (IllegalArgumentException ex) {
			// Retrying a message that is not a notification cannot help; do not let it
			// block
			// the queue.
			log.error("Ignoring message that is not an S3 event notification: {}", ex.getMessage());
			return;
		}
		try (VisibilityHeartbeat.Beat beat = this.heartbeat.start(visibility, "the notification of " + uploads)) {
			for (UploadRef upload : uploads) {
				if (this.properties.isInventoryUpload(upload.key())) {
					this.processor.process(upload);
				}
				else {
					log.debug("Not ingesting {}: it is one of the platform's own reports", upload.id());
				}
			}
		}
		catch (UploadHandedBackException ex) {
			visibility.changeTo(0);
			throw ex;
		}
	}

}
