package com.retail.inventory.ingest;

import com.retail.inventory.contracts.InventoryRecordEvent;
import com.retail.inventory.contracts.LogFields;
import com.retail.inventory.contracts.UploadRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Phaser;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of one upload on their way to Kinesis. {@link #add} collects records into
 * PutRecords batches and sends each batch asynchronously, blocking while the file already
 * has the maximum number of requests in flight (so a file of any size needs bounded
 * memory); {@link #finish} returns once Kinesis has accepted every record, or throws.
 *
 * <p>
 * Entries Kinesis rejects in a response (throttling, internal failures) are sent again,
 * only they, after a jittered exponential backoff; so are whole requests that failed for
 * a reason worth retrying. Records of one item may therefore land out of order: their
 * versions, not their order, decide which count the loader keeps.
 */
final class RecordPublication implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RecordPublication.class);

	/** Kinesis limits per PutRecords request. */
	static final int MAX_RECORDS = 500;

	static final long MAX_BYTES = 5L * 1024 * 1024;

	/** How long {@link #close()} waits for requests still in flight after a failure. */
	private static final Duration SETTLE = Duration.ofSeconds(30);

	/** Per-record error codes worth sending again; any other code fails the file. */
	private static final Set<String> RETRYABLE_ENTRY_ERRORS = Set.of("ProvisionedThroughputExceededException",
			"InternalFailure", "InternalFailureException", "KMSThrottlingException", "ServiceUnavailable");

	/** What the publisher counts. */
	interface Metrics {

		void requestSent();

		void requestFailed();

		void recordsRetried(int count);

	}

	private final KinesisAsyncClient kinesis;

	private final String stream;

	private final JsonMapper json;

	private final IngestProperties.Kinesis settings;

	private final ScheduledExecutorService retries;

	private final UploadRef upload;

	private final BooleanSupplier stopping;

	private final Metrics metrics;

	private final Semaphore inFlight;

	/** One party per batch not yet fully accepted, plus the publication itself. */
	private final Phaser unsettled = new Phaser(1);

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

	private List<PutRecordsRequestEntry> batch = new ArrayList<>();

	private long batchBytes;

	private long added;

	private boolean finished;

	RecordPublication(KinesisAsyncClient kinesis, String stream, JsonMapper json, IngestProperties.Kinesis settings,
			ScheduledExecutorService retries, UploadRef upload, BooleanSupplier stopping, Metrics metrics) {
		this.kinesis = kinesis;
		this.stream = stream;
		this.json = json;
		this.settings = settings;
		this.retries = retries;
		this.upload = upload;
		this.stopping = stopping;
		this.metrics = metrics;
		this.inFlight = new Semaphore(settings.maxInFlight());
	}

	/**
	 * Queues one record; sends the batch when it is full.
	 * @throws RecordPublicationException when an earlier batch failed for good
	 * @throws UploadHandedBackException when this instance is shutting down
	 */
	void add(InventoryRecordEvent event) {
		checkHealthy();
		byte[] data = this.json.writeValueAsBytes(event);
		String partitionKey = event.partitionKey();
		long size = data.length + partitionKey.getBytes(StandardCharsets.UTF_8).length;
		if (this.batch.size() == MAX_RECORDS || this.batchBytes + size > MAX_BYTES) {
			sendBatch();
		}
		this.batch.add(PutRecordsRequestEntry.builder()
			.partitionKey(partitionKey)
			.data(SdkBytes.fromByteArrayUnsafe(data))
			.build());
		this.batchBytes += size;
		this.added++;
	}

	/**
	 * Sends what is left and waits until Kinesis has accepted every record.
	 * @param beforeLastBatch runs before the last batch is sent (a full batch is sent
	 * only when a further record is added, so the last batch is never sent before), i.e.
	 * before the last records can reach a consumer
	 * @return how many records were published
	 * @throws RecordPublicationException when a batch failed for good
	 */
	long finish(Runnable beforeLastBatch) {
		checkFailed();
		beforeLastBatch.run();
		if (!this.batch.isEmpty()) {
			sendBatch();
		}
		this.finished = true;
		this.unsettled.arriveAndAwaitAdvance();
		checkFailed();
		return this.accepted.get();
	}

	/** Records Kinesis has accepted so far. */
	long published() {
		return this.accepted.get();
	}

	/** Records added so far. */
	long added() {
		return this.added;
	}

	/**
	 * Lets requests in flight settle (briefly) when the publication did not finish, so
	 * the count of published records is exact when the failure is logged.
	 */
	@Override
	public void close() {
		if (this.finished) {
			return;
		}
		this.finished = true;
		int phase = this.unsettled.arrive();
		try {
			this.unsettled.awaitAdvanceInterruptibly(phase, SETTLE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (TimeoutException ex) {
			log.warn("Upload {}: requests still in flight after {}", this.upload.id(), SETTLE);
		}
	}

	private void checkHealthy() {
		checkFailed();
		if (this.stopping.getAsBoolean()) {
			throw new UploadHandedBackException("Upload " + this.upload.id() + ": this instance is shutting down");
		}
	}

	private void checkFailed() {
		RuntimeException failed = this.failure.get();
		if (failed != null) {
			throw failed;
		}
	}

	private void sendBatch() {
		List<PutRecordsRequestEntry> entries = this.batch;
		this.batch = new ArrayList<>();
		this.batchBytes = 0;
		try {
			this.inFlight.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UploadHandedBackException("Upload " + this.upload.id() + ": interrupted");
		}
		this.unsettled.register();
		send(entries, 1);
	}

	private void send(List<PutRecordsRequestEntry> entries, int attempt) {
		this.metrics.requestSent();
		this.kinesis.putRecords((b) -> b.streamName(this.stream).records(entries)).whenComplete((response, error) -> {
			// Answered on the SDK's threads: their log lines belong to this upload too.
			try (LogFields.Scope fields = LogFields.upload(this.upload)) {
				if (error != null) {
					requestFailed(entries, attempt, unwrap(error));
				}
				else {
					answered(entries, attempt, response);
				}
			}
			catch (RuntimeException ex) {
				settle(ex);
			}
		});
	}

	private void answered(List<PutRecordsRequestEntry> entries, int attempt, PutRecordsResponse response) {
		List<PutRecordsResultEntry> results = response.records();
		List<PutRecordsRequestEntry> again = new ArrayList<>();
		String permanent = null;
		for (int i = 0; i < results.size(); i++) {
			String code = results.get(i).errorCode();
			if (code == null) {
				continue;
			}
			if (RETRYABLE_ENTRY_ERRORS.contains(code)) {
				again.add(entries.get(i));
			}
			else if (permanent == null) {
				permanent = code + ": " + results.get(i).errorMessage();
			}
		}
		this.accepted.addAndGet(results.stream().filter((result) -> result.errorCode() == null).count());
		if (permanent != null) {
			settle(new RecordPublicationException(
					"Kinesis rejected records of " + this.upload.id() + " (" + permanent + ")", null));
		}
		else if (again.isEmpty()) {
			settle(null);
		}
		else {
			retry(again, attempt, "Kinesis did not accept " + again.size() + " of " + entries.size() + " records ("
					+ firstErrorCode(results) + ")");
		}
	}

	private void requestFailed(List<PutRecordsRequestEntry> entries, int attempt, Throwable error) {
		this.metrics.requestFailed();
		if (!isRetryable(error)) {
			settle(new RecordPublicationException("PutRecords for " + this.upload.id() + " failed: " + error, error));
			return;
		}
		retry(entries, attempt, "PutRecords failed (" + error + ")");
	}

	private void retry(List<PutRecordsRequestEntry> entries, int attempt, String why) {
		if (attempt >= this.settings.maxAttempts()) {
			settle(new RecordPublicationException("Upload " + this.upload.id() + ": " + why + " after " + attempt
					+ " attempts; giving up on the file for now", null));
			return;
		}
		this.metrics.recordsRetried(entries.size());
		Duration delay = backoff(attempt);
		log.debug("Upload {}: {}; retrying in {} ms", this.upload.id(), why, delay.toMillis());
		this.retries.schedule(() -> send(entries, attempt + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Full jitter: a random delay up to the exponential bound, so retrying writers spread
	 * out.
	 */
	private Duration backoff(int attempt) {
		long bound = Math.min(this.settings.maxBackoff().toMillis(),
				this.settings.baseBackoff().toMillis() << Math.min(attempt - 1, 20));
		return Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound + 1));
	}

	private void settle(RuntimeException failed) {
		if (failed != null) {
			this.failure.compareAndSet(null, failed);
		}
		this.inFlight.release();
		this.unsettled.arriveAndDeregister();
	}

	private static String firstErrorCode(List<PutRecordsResultEntry> results) {
		return results.stream()
			.map(PutRecordsResultEntry::errorCode)
			.filter((code) -> code != null)
			.findFirst()
			.orElse("?");
	}

	/**
	 * Throttling, server errors and network trouble are worth retrying; a missing stream,
	 * a bad request or denied access are not.
	 */
	static boolean isRetryable(Throwable error) {
		if (error instanceof KinesisException kinesis) {
			int status = kinesis.statusCode();
			return status >= 500 || status == 429 || kinesis.isThrottlingException()
					|| (kinesis.awsErrorDetails() != null
							&& "ProvisionedThroughputExceededException".equals(kinesis.awsErrorDetails().errorCode()));
		}
		if (error instanceof SdkClientException) {
			return true;
		}
		return error instanceof SdkException sdk && sdk.retryable();
	}

	private static Throwable unwrap(Throwable error) {
		return (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
	}

}
