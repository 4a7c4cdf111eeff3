package com.retail.inventory.ingest;

import com.retail.inventory.contracts.UploadRef;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Streams one uploaded object from S3 through the CSV reader into Kinesis. */
@Component
class UploadProcessor {

	private static final Logger log = LoggerFactory.getLogger(UploadProcessor.class);

	private final S3Client s3;

	private final InventoryRecordPublisher publisher;

	private final InventoryCsvReader reader = new InventoryCsvReader();

	UploadProcessor(S3Client s3, InventoryRecordPublisher publisher) {
		this.s3 = s3;
		this.publisher = publisher;
	}

	/**
	 * Publishes every valid row. A file that is not an inventory file is logged as
	 * rejected and not retried; any other failure (S3 or Kinesis unavailable) propagates
	 * so the notification is delivered again.
	 */
	void process(UploadRef upload) {
		// Read exactly the version that was announced, not whatever the key holds by now.
		try (var object = s3.getObject(b -> b.bucket(upload.bucket()).key(upload.key()).versionId(upload.versionId()));
				var text = new InputStreamReader(object, StandardCharsets.UTF_8)) {
			var report = reader.read(text, upload, publisher::publish);
			if (report.rejectedRows().isEmpty()) {
				log.info("Upload {}: published {} rows", upload.id(), report.rowsEmitted());
			}
			else {
				log.warn("Upload {}: published {} rows, rejected {} rows: {}", upload.id(), report.rowsEmitted(),
						report.rejectedRows().size(), report.rejectedRows());
			}
		}
		catch (UnreadableUploadException ex) {
			log.error("Upload {} rejected, nothing published: {}", upload.id(), ex.getMessage());
		}
		catch (NoSuchKeyException ex) {
			// Deleted (or its version expired) before we got to it: there is nothing left
			// to ingest.
			log.warn("Upload {} no longer exists in S3; skipped", upload.id());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reading " + upload.id() + " failed", ex);
		}
	}

}
