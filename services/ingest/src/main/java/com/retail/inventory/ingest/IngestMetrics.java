package com.retail.inventory.ingest;

import com.retail.inventory.contracts.UploadStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What ingest counts for operators: every data row it reads, by outcome
 * ({@code inventory.ingest.rows}, tag {@code outcome}: {@code accepted} or
 * {@code rejected}), and every upload attempt it finishes, by the status it leaves in the
 * tracking table ({@code inventory.ingest.uploads}, tag {@code status}:
 * {@code PROCESSING} when the rows are handed to the loader, {@code LOADED} for a file
 * without rows, {@code REJECTED}, {@code FAILED}). A file processed again (a notification
 * delivered again after a failure) counts again: these count work done, the tracking
 * table counts uploads.
 */
@Component
class IngestMetrics {

	static final String ROWS = "inventory.ingest.rows";

	static final String UPLOADS = "inventory.ingest.uploads";

	/**
	 * The statuses ingest ends an attempt with, registered up front so each series starts
	 * at 0.
	 */
	static final List<UploadStatus> FINAL_STATUSES = List.of(UploadStatus.PROCESSING, UploadStatus.LOADED,
			UploadStatus.REJECTED, UploadStatus.FAILED);

	private final MeterRegistry meters;

	private final Counter accepted;

	private final Counter rejected;

	private final Map<UploadStatus, Counter> uploads = new EnumMap<>(UploadStatus.class);

	IngestMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.accepted = rows(meters, "accepted", "data rows read that became records");
		this.rejected = rows(meters, "rejected", "data rows read that were rejected (listed in the upload's report)");
		for (UploadStatus status : FINAL_STATUSES) {
			this.uploads.put(status, uploads(meters, status));
		}
	}

	private static Counter rows(MeterRegistry meters, String outcome, String description) {
		return Counter.builder(ROWS).tag("outcome", outcome).description(description).register(meters);
	}

	private static Counter uploads(MeterRegistry meters, UploadStatus status) {
		return Counter.builder(UPLOADS)
			.tag("status", status.name())
			.description("upload attempts ingest finished, by the status it left in the tracking table")
			.register(meters);
	}

	void rowAccepted() {
		this.accepted.increment();
	}

	void rowRejected() {
		this.rejected.increment();
	}

	/**
	 * An attempt ended with ingest writing this status (or, for PROCESSING, handing the
	 * rows over).
	 */
	void uploadFinished(UploadStatus status) {
		Counter counter = this.uploads.get(status);
		(counter != null ? counter : uploads(this.meters, status)).increment();
	}

}
