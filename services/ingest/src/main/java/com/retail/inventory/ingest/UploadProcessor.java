package com.retail.inventory.ingest;

import com.retail.inventory.contracts.UploadRef;
import com.retail.inventory.contracts.UploadReport;
import com.retail.inventory.contracts.UploadStatus;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Streams one uploaded object from S3 through the CSV reader into Kinesis, and accounts
 * for it in the upload tracking table and the upload's report.
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
 *
 * <p>
 * The counts and the report are written before the last batch of rows is sent: the
 * loader, which marks the upload LOADED when it has loaded every accepted row, can then
 * never load the last row without knowing how many there are.
 */
@Component
class UploadProcessor {

	private static final Logger log = LoggerFactory.getLogger(UploadProcessor.class);

	private final S3Client s3;

	private final InventoryRecordPublisher publisher;

	private final ShutdownGrace shutdown;

	private final InventoryCsvReader reader;

	private final UploadTracking tracking;

	private final UploadReports reports;

	private final IngestMetrics metrics;

	UploadProcessor(S3Client s3, InventoryRecordPublisher publisher, ShutdownGrace shutdown,
			IngestProperties properties, UploadTracking tracking, UploadReports reports, IngestMetrics metrics) {
		this.s3 = s3;
		this.publisher = publisher;
		this.shutdown = shutdown;
		this.tracking = tracking;
		this.reports = reports;
		this.metrics = metrics;
		this.reader = new InventoryCsvReader(properties.limits().maxRowChars());
	}

	/**
	 * Publishes every valid row of the upload.
	 * @throws UploadFailedException when the upload could not be processed for a reason
	 * other than its content
	 * @throws UploadHandedBackException when this instance is shutting down
	 */
	void process(UploadRef announced) {
		UploadTracking.Attempt attempt = this.tracking.start(announced, this.reports.reportKey(announced));
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
			// No report: the key may hold a newer upload, whose report it would replace.
			finish(attempt, UploadStatus.REJECTED, ex.getMessage());
			return;
		}
		catch (UnreadableUploadException ex) {
			log.error("Upload {} rejected, nothing published: {}", announced.id(), ex.getMessage());
			reject(attempt, ex.getMessage());
			return;
		}
		catch (IOException | RuntimeException ex) {
			throw new UploadFailedException(
					"Upload " + announced.id() + " could not be read; the notification will be delivered again: " + ex,
					ex);
		}
		publish(attempt, upload);
	}

	private void publish(UploadTracking.Attempt attempt, UploadRef upload) {
		RecordPublication publication = this.publisher.open(upload, this.shutdown::expired);
		try (UploadedObject object = UploadedObject.open(this.s3, upload);
				publication;
				RejectedRowsFile rejected = new RejectedRowsFile();
				Reader text = UploadContent.text(object, object.contentEncoding())) {
			InventoryCsvReader.ReadReport report;
			DuplicateItems duplicates = new DuplicateItems(InventoryCsvReader.MAX_MESSAGES);
			try {
				report = this.reader.read(text, upload, (event, line) -> {
					this.metrics.rowAccepted();
					duplicates.check(event.store(), event.item(), line);
					publication.add(event.withAttempt(attempt.number()));
				}, countingRejections(rejected));
			}
			catch (UnreadableUploadException ex) {
				long published = publication.finish(() -> {
				});
				String reason = ex.getMessage();
				if (published == 0) {
					log.error("Upload {} rejected, nothing published: {}", upload.id(), ex.getMessage());
				}
				else {
					log.error("Upload {} rejected after publishing the {} rows before the problem: {}", upload.id(),
							published, ex.getMessage());
					reason += "; the " + published + " rows before it were loaded";
				}
				reject(attempt, reason);
				return;
			}
			InventoryCsvReader.ReadReport read = report;
			long published = publication.finish(() -> accountFor(attempt, read, duplicates, rejected));
			if (read.rowsEmitted() > 0) {
				// Every row is in Kinesis: the upload is the loader's now (still
				// PROCESSING).
				this.metrics.uploadFinished(UploadStatus.PROCESSING);
			}
			if (report.rowsRejected() == 0 && report.warnings().isEmpty()) {
				log.info("Upload {}: published {} rows", upload.id(), published);
			}
			else {
				log.warn("Upload {}: published {} rows, rejected {} rows: {}{}; warnings: {}", upload.id(), published,
						report.rowsRejected(), report.errors(), report.errorsTruncated() ? " ..." : "",
						report.warnings());
			}
		}
		catch (UploadSupersededException | AttemptSupersededException ex) {
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

	/**
	 * Writes the report and the counts; with nothing for the loader to load, the upload
	 * is done here.
	 */
	private void accountFor(UploadTracking.Attempt attempt, InventoryCsvReader.ReadReport read,
			DuplicateItems duplicates, RejectedRowsFile rejected) {
		UploadRef upload = attempt.upload();
		List<String> warnings = new ArrayList<>(read.warnings());
		warnings.addAll(duplicates.warnings());
		if (rejected.truncated()) {
			warnings.add("the rejected rows file lists the first " + rejected.rows() + " rejected rows only");
		}
		if (read.rowsRejected() > 0) {
			this.reports.writeRejectedRows(upload, rejected);
		}
		UploadReport report = new UploadReport(upload.id(), upload.bucket(), upload.key(),
				UploadStatus.PROCESSING.name(), null, read.rowsRead(), read.rowsEmitted(), read.rowsRejected(), 0,
				read.errors(), read.errorsTruncated(), List.copyOf(warnings), attempt.startedAt().toString(), null);
		if (read.rowsEmitted() > 0) {
			this.reports.write(upload, report);
			this.tracking.published(attempt, read, warnings.size());
			return;
		}
		UploadStatus status = (read.rowsRead() == 0) ? UploadStatus.LOADED : UploadStatus.REJECTED;
		String reason = (read.rowsRead() == 0) ? null
				: "none of the file's " + read.rowsRead() + " rows could be used (see errors)";
		this.reports.write(upload, report.finished(status, reason, 0, Instant.now().toString()));
		this.tracking.published(attempt, read, warnings.size());
		finish(attempt, status, reason);
	}

	/**
	 * Marks the upload FAILED, with a report saying why, as far as S3 and DynamoDB allow:
	 * they may be what failed.
	 */
	void failed(UploadRef upload, String reason) {
		try {
			if (this.tracking.failed(upload, reason)) {
				this.metrics.uploadFinished(UploadStatus.FAILED);
				this.reports.write(upload,
						new UploadReport(upload.id(), upload.bucket(), upload.key(), UploadStatus.FAILED.name(), reason,
								0, 0, 0, 0, List.of(), false, List.of(), null, Instant.now().toString()));
			}
		}
		catch (RuntimeException ex) {
			log.error("Upload {} failed ({}), and could not be marked FAILED: {}", upload.id(), reason, ex.toString());
		}
	}

	private void reject(UploadTracking.Attempt attempt, String reason) {
		UploadRef upload = attempt.upload();
		UploadReport report = new UploadReport(upload.id(), upload.bucket(), upload.key(), UploadStatus.REJECTED.name(),
				reason, 0, 0, 0, 0, List.of(), false, List.of(), attempt.startedAt().toString(),
				Instant.now().toString());
		this.reports.write(upload, report);
		finish(attempt, UploadStatus.REJECTED, reason);
	}

	/**
	 * Ends the attempt with a final status, counted when this attempt set it (not when
	 * another attempt had taken over).
	 */
	private void finish(UploadTracking.Attempt attempt, UploadStatus status, String reason) {
		if (this.tracking.finish(attempt, status, reason)) {
			this.metrics.uploadFinished(status);
		}
	}

	/** Counts each rejected row as the reader rejects it, then hands it on. */
	private InventoryCsvReader.RejectedRows countingRejections(InventoryCsvReader.RejectedRows rows) {
		return new InventoryCsvReader.RejectedRows() {
			@Override
			public void header(List<String> columns) {
				rows.header(columns);
			}

			@Override
			public void row(List<String> values, UploadReport.RowError error) {
				UploadProcessor.this.metrics.rowRejected();
				rows.row(values, error);
			}
		};
	}

}
