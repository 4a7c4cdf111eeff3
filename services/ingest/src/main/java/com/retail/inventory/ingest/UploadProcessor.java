package com.retail.inventory.ingest;

import com.retail.inventory.contracts.UploadRef;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Streams one uploaded object from S3 through the CSV reader into Kinesis.
 *
 * <p>
 * The file is read twice: first to check that all of it is UTF-8 (and, if compressed,
 * valid gzip), so a file in another encoding is rejected before any of its rows is
 * published; then to publish its rows.
 *
 * <p>
 * Failures are told apart honestly: a file that is not an inventory file is rejected and
 * done with (retrying cannot help), an upload that no longer exists is skipped, and any
 * other failure (S3, Kinesis, a timeout) propagates, so the notification is delivered
 * again and, after the queue's maxReceiveCount, lands in the dead-letter queue. Every log
 * line says exactly how many rows were published.
 */
@Component
class UploadProcessor {

	private static final Logger log = LoggerFactory.getLogger(UploadProcessor.class);

	private final S3Client s3;

	private final InventoryRecordPublisher publisher;

	private final ShutdownGrace shutdown;

	private final InventoryCsvReader reader;

	UploadProcessor(S3Client s3, InventoryRecordPublisher publisher, ShutdownGrace shutdown,
			IngestProperties properties) {
		this.s3 = s3;
		this.publisher = publisher;
		this.shutdown = shutdown;
		this.reader = new InventoryCsvReader(properties.limits().maxRowChars());
	}

	/**
	 * Publishes every valid row of the upload.
	 * @throws UploadFailedException when the upload could not be processed for a reason
	 * other than its content
	 * @throws UploadHandedBackException when this instance is shutting down
	 */
	void process(UploadRef announced) {
		UploadRef upload;
		try (UploadedObject object = UploadedObject.open(this.s3, announced);
				Reader text = UploadContent.text(object, object.contentEncoding())) {
			// S3 notifications carry the event time; without one, the object's own time
			// orders it.
			upload = (announced.eventTime() != null) ? announced
					: announced.withEventTime(object.lastModified().toString());
			text.transferTo(Writer.nullWriter());
		}
		catch (UploadSupersededException ex) {
			log.warn("{}; skipped", ex.getMessage());
			return;
		}
		catch (UnreadableUploadException ex) {
			log.error("Upload {} rejected, nothing published: {}", announced.id(), ex.getMessage());
			return;
		}
		catch (IOException | RuntimeException ex) {
			throw new UploadFailedException(
					"Upload " + announced.id() + " could not be read; the notification will be delivered again: " + ex,
					ex);
		}
		publish(upload);
	}

	private void publish(UploadRef upload) {
		RecordPublication publication = this.publisher.open(upload, this.shutdown::expired);
		try (UploadedObject object = UploadedObject.open(this.s3, upload);
				publication;
				Reader text = UploadContent.text(object, object.contentEncoding())) {
			InventoryCsvReader.ReadReport report;
			try {
				report = this.reader.read(text, upload, publication::add);
			}
			catch (UnreadableUploadException ex) {
				long published = publication.finish();
				if (published == 0) {
					log.error("Upload {} rejected, nothing published: {}", upload.id(), ex.getMessage());
				}
				else {
					log.error("Upload {} rejected after publishing the {} rows before the problem: {}", upload.id(),
							published, ex.getMessage());
				}
				return;
			}
			long published = publication.finish();
			if (report.rowsRejected() == 0 && report.warnings().isEmpty()) {
				log.info("Upload {}: published {} rows", upload.id(), published);
			}
			else {
				log.warn("Upload {}: published {} rows, rejected {} rows: {}{}; warnings: {}", upload.id(), published,
						report.rowsRejected(), report.errors(), report.errorsTruncated() ? " ..." : "",
						report.warnings());
			}
		}
		catch (UploadSupersededException ex) {
			log.warn("{}; skipped", ex.getMessage());
		}
		catch (UploadHandedBackException ex) {
			publication.close();
			log.warn("Upload {}: handed back to the queue after publishing {} of its rows: {}", upload.id(),
					publication.published(), ex.getMessage());
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			publication.close();
			throw new UploadFailedException("Upload " + upload.id() + " failed after publishing "
					+ publication.published() + " rows; the notification will be delivered again: " + ex, ex);
		}
	}

}
