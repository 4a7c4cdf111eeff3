package com.retail.inventory.ingest;

import com.retail.inventory.contracts.LogFields;
import com.retail.inventory.contracts.UploadNotifications;
import com.retail.inventory.contracts.UploadRef;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.Visibility;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.handler.annotation.Header;
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

	private final UploadTracking tracking;

	UploadEventListener(UploadProcessor processor, IngestProperties properties, VisibilityHeartbeat heartbeat,
			UploadTracking tracking) {
		this.processor = processor;
		this.properties = properties;
		this.heartbeat = heartbeat;
		this.tracking = tracking;
	}

	@SqsListener("${inventory.ingest.queue}")
	void onNotification(String body, Visibility visibility,
			@Header(name = SqsHeaders.MessageSystemAttributes.SQS_APPROXIMATE_RECEIVE_COUNT,
					required = false) String receiveCount) {
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
				// Every line about this upload carries its id, key and store, until it is
				// done or has failed: the listener threads are reused for other uploads.
				try (LogFields.Scope fields = LogFields.upload(upload)) {
					if (!this.properties.isInventoryUpload(upload.key())) {
						log.debug("Not ingesting {}: it is one of the platform's own reports", upload.id());
					}
					else if (!this.tracking.received(upload)) {
						log.info("Upload {} was processed to the end already; this delivery changes nothing",
								upload.id());
					}
					else {
						process(upload, receiveCount);
					}
				}
			}
		}
		catch (UploadHandedBackException ex) {
			visibility.changeTo(0);
			throw ex;
		}
	}

	private void process(UploadRef upload, String receiveCount) {
		try {
			this.processor.process(upload);
		}
		catch (UploadHandedBackException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			if (receiveCount != null && Integer.parseInt(receiveCount) >= this.properties.maxReceives()) {
				// The queue moves the notification to the dead-letter queue now; a
				// redrive
				// starts the upload over.
				this.processor.failed(upload, "failed on each of " + receiveCount + " deliveries, the last time: "
						+ ex.getMessage() + "; the notification is in the dead-letter queue");
			}
			throw ex;
		}
	}

}
