package com.retail.inventory.ingest;

import com.retail.inventory.contracts.UploadRef;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the rows of uploads to {@code inventory-records} with Kinesis PutRecords, up
 * to 500 records or 5 MB a request, a bounded number of requests in flight per file, and
 * only the failed entries of a request retried, with jittered backoff.
 *
 * <p>
 * A small publisher on the SDK's {@link KinesisAsyncClient} rather than the Kinesis
 * binder: the binder's producer sends a PutRecords request as a whole but, in its
 * synchronous mode, discards the per-record results (a partial failure goes unnoticed)
 * and never retries failed entries.
 */
@Component
class InventoryRecordPublisher implements DisposableBean {

	private final KinesisAsyncClient kinesis;

	private final IngestProperties properties;

	private final JsonMapper json = JsonMapper.builder().build();

	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "kinesis-put-retry");
		thread.setDaemon(true);
		return thread;
	});

	private final Counter requests;

	private final Counter failedRequests;

	private final Counter retriedRecords;

	InventoryRecordPublisher(KinesisAsyncClient kinesis, IngestProperties properties, MeterRegistry meters) {
		this.kinesis = kinesis;
		this.properties = properties;
		this.requests = Counter.builder("inventory.ingest.requests")
			.description("Kinesis requests sent (what AWS bills)")
			.tag("operation", "PutRecords")
			.register(meters);
		this.failedRequests = Counter.builder("inventory.ingest.failed.requests")
			.description("Kinesis requests that failed as a whole")
			.tag("operation", "PutRecords")
			.register(meters);
		this.retriedRecords = Counter.builder("inventory.ingest.retried.records")
			.description("Records Kinesis did not accept at first and that were sent again")
			.register(meters);
	}

	/**
	 * Starts publishing one upload's rows.
	 * @param upload the upload (for log lines)
	 * @param stopping whether the caller must give up (this instance is shutting down)
	 */
	RecordPublication open(UploadRef upload, BooleanSupplier stopping) {
		return new RecordPublication(this.kinesis, this.properties.recordsStream(), this.json,
				this.properties.kinesis(), this.retries, upload, stopping, new RecordPublication.Metrics() {
					@Override
					public void requestSent() {
						InventoryRecordPublisher.this.requests.increment();
					}

					@Override
					public void requestFailed() {
						InventoryRecordPublisher.this.failedRequests.increment();
					}

					@Override
					public void recordsRetried(int count) {
						InventoryRecordPublisher.this.retriedRecords.increment(count);
					}
				});
	}

	@Override
	public void destroy() {
		this.retries.shutdownNow();
	}

}
