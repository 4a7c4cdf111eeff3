package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.UploadStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class IngestMetricsTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final IngestMetrics metrics = new IngestMetrics(this.meters);

	private double rows(String outcome) {
		return this.meters.get(IngestMetrics.ROWS).tag("outcome", outcome).counter().count();
	}

	private double uploads(UploadStatus status) {
		return this.meters.get(IngestMetrics.UPLOADS).tag("status", status.name()).counter().count();
	}

	@Test
	void everyStatusIngestEndsWithIsASeriesFromTheStart() {
		assertThat(this.meters.get(IngestMetrics.UPLOADS).counters()).extracting((c) -> c.getId().getTag("status"))
			.containsExactlyInAnyOrder("PROCESSING", "LOADED", "REJECTED", "FAILED");
		assertThat(this.meters.get(IngestMetrics.UPLOADS).counters()).allSatisfy((c) -> assertThat(c.count()).isZero());
		assertThat(rows("accepted")).isZero();
		assertThat(rows("rejected")).isZero();
	}

	@Test
	void countsRowsByOutcomeAndUploadsByTheStatusLeft() {
		this.metrics.rowAccepted();
		this.metrics.rowAccepted();
		this.metrics.rowRejected();
		this.metrics.uploadFinished(UploadStatus.PROCESSING);
		this.metrics.uploadFinished(UploadStatus.REJECTED);
		this.metrics.uploadFinished(UploadStatus.REJECTED);
		this.metrics.uploadFinished(UploadStatus.FAILED);

		assertThat(rows("accepted")).isEqualTo(2);
		assertThat(rows("rejected")).isEqualTo(1);
		assertThat(uploads(UploadStatus.PROCESSING)).isEqualTo(1);
		assertThat(uploads(UploadStatus.REJECTED)).isEqualTo(2);
		assertThat(uploads(UploadStatus.FAILED)).isEqualTo(1);
		assertThat(uploads(UploadStatus.LOADED)).isZero();
	}

}
