package com.retail.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.retail.inventory.contracts.InventoryRecordEvent;
import com.retail.inventory.contracts.LogFields;
import com.retail.inventory.contracts.UploadRef;
import com.retail.inventory.local.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import tools.jackson.databind.json.JsonMapper;

class RecordPublicationTests {

	private static final UploadRef UPLOAD = UploadRef.of("inventory-uploads", "berlin.csv", null, "e", null,
			"2026-12-02T10:00:00Z");

	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();

	private final List<String> sent = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger requests = new AtomicInteger();

	private boolean stopping;

	@AfterEach
	void stop() {
		this.retries.shutdownNow();
	}

	private RecordPublication publication(KinesisAsyncClient kinesis, int maxInFlight, int maxAttempts) {
		return new RecordPublication(kinesis, "inventory-records", JsonMapper.builder().build(),
				new IngestProperties.Kinesis(maxInFlight, maxAttempts, Duration.ofMillis(1), Duration.ofMillis(5)),
				this.retries, UPLOAD, () -> this.stopping, new RecordPublication.Metrics() {
					@Override
					public void requestSent() {
						RecordPublicationTests.this.requests.incrementAndGet();
					}

					@Override
					public void requestFailed() {
					}

					@Override
					public void recordsRetried(int count) {
					}
				});
	}

	private static InventoryRecordEvent event(int i) {
		return InventoryRecordEvent.of("Berlin", "Item " + i, i, UPLOAD, i);
	}

	/**
	 * A Kinesis that answers each PutRecords as told, recording which items it was sent.
	 */
	private KinesisAsyncClient kinesis(Function<PutRecordsRequest, CompletableFuture<PutRecordsResponse>> answer) {
		return new KinesisAsyncClient() {
			@Override
			public CompletableFuture<PutRecordsResponse> putRecords(PutRecordsRequest request) {
				request.records().forEach((entry) -> RecordPublicationTests.this.sent.add(entry.partitionKey()));
				return answer.apply(request);
			}

			@Override
			public String serviceName() {
				return "kinesis";
			}

			@Override
			public void close() {
			}
		};
	}

	private static CompletableFuture<PutRecordsResponse> accept(PutRecordsRequest request) {
		return CompletableFuture.completedFuture(PutRecordsResponse.builder()
			.failedRecordCount(0)
			.records(request.records().stream().map((e) -> ok()).toList())
			.build());
	}

	private static PutRecordsResultEntry ok() {
		return PutRecordsResultEntry.builder().sequenceNumber("1").shardId("shardId-000000000000").build();
	}

	private static PutRecordsResultEntry error(String code) {
		return PutRecordsResultEntry.builder().errorCode(code).errorMessage("no").build();
	}

	@Test
	void sendsAtMostFiveHundredRecordsPerRequestAndCountsWhatKinesisAccepted() {
		RecordPublication publication = publication(kinesis(RecordPublicationTests::accept), 4, 3);
		for (int i = 1; i <= 1234; i++) {
			publication.add(event(i));
		}
		assertThat(publication.finish(() -> {
		})).isEqualTo(1234);
		assertThat(this.requests).hasValue(3);
		assertThat(this.sent).hasSize(1234).doesNotHaveDuplicates();
	}

	@Test
	void theLastBatchWaitsUntilWhatMustPrecedeItIsDone() {
		RecordPublication publication = publication(kinesis(RecordPublicationTests::accept), 4, 3);
		for (int i = 1; i <= 1000; i++) {
			publication.add(event(i));
		}
		List<Integer> sentBefore = new ArrayList<>();
		assertThat(publication.finish(() -> sentBefore.add(this.sent.size()))).isEqualTo(1000);
		// The second full batch was still held when the counts were written.
		assertThat(sentBefore).containsExactly(500);
		assertThat(this.sent).hasSize(1000);
	}

	@Test
	void resendsOnlyTheEntriesKinesisRejectedUntilAllAreAccepted() {
		Set<String> throttledOnce = ConcurrentHashMap.newKeySet();
		RecordPublication publication = publication(kinesis((request) -> {
			List<PutRecordsResultEntry> results = new ArrayList<>();
			for (PutRecordsRequestEntry entry : request.records()) {
				boolean hot = entry.partitionKey().endsWith("7") && throttledOnce.add(entry.partitionKey());
				results.add(hot ? error("ProvisionedThroughputExceededException") : ok());
			}
			return CompletableFuture.completedFuture(PutRecordsResponse.builder().records(results).build());
		}), 2, 5);
		for (int i = 1; i <= 100; i++) {
			publication.add(event(i));
		}

		assertThat(publication.finish(() -> {
		})).isEqualTo(100);
		assertThat(this.requests).hasValue(2);
		assertThat(this.sent).hasSize(110);
		assertThat(this.sent.subList(100, 110)).allSatisfy((key) -> assertThat(key).endsWith("7"));
	}

	@Test
	void retriesRequestsThatFailedForATransientReason() {
		AtomicInteger calls = new AtomicInteger();
		RecordPublication publication = publication(kinesis((request) -> (calls.incrementAndGet() <= 2)
				? CompletableFuture.failedFuture(SdkClientException.create("Connection reset")) : accept(request)), 1,
				5);
		publication.add(event(1));
		assertThat(publication.finish(() -> {
		})).isOne();
		assertThat(calls).hasValue(3);
	}

	@Test
	void linesWrittenOnTheSdksThreadsCarryTheUploadsFieldsAndLeaveNone() throws Exception {
		ExecutorService sdk = Executors.newSingleThreadExecutor();
		AtomicInteger calls = new AtomicInteger();
		try (LogCapture logs = new LogCapture(RecordPublication.class.getName(), Level.DEBUG)) {
			RecordPublication publication = publication(kinesis((request) -> CompletableFuture.supplyAsync(() -> {
				if (calls.incrementAndGet() == 1) {
					throw SdkClientException.create("Connection reset");
				}
				return accept(request).join();
			}, sdk)), 1, 5);
			publication.add(event(1));
			assertThat(publication.finish(() -> {
			})).isOne();

			assertThat(logs.mdcOf("Upload " + UPLOAD.id() + ": PutRecords failed"))
				.containsEntry(LogFields.UPLOAD_ID, UPLOAD.id())
				.containsEntry(LogFields.OBJECT_KEY, "berlin.csv");
			assertThat(sdk.submit(MDC::getCopyOfContextMap).get()).isNullOrEmpty();
		}
		finally {
			sdk.shutdownNow();
		}
	}

	@Test
	void aPermanentFailureFailsTheFileWithoutRetrying() {
		RecordPublication publication = publication(kinesis((request) -> CompletableFuture
			.failedFuture(ResourceNotFoundException.builder().message("Stream not found").build())), 1, 5);
		publication.add(event(1));
		assertThatThrownBy(() -> publication.finish(() -> {
		})).isInstanceOf(RecordPublicationException.class).hasMessageContaining("Stream not found");
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void givesUpAfterTheLastAttemptAndSaysHowManyRecordsWerePublished() {
		// Kinesis keeps throttling the first record of every request.
		RecordPublication publication = publication(kinesis((request) -> {
			List<PutRecordsResultEntry> results = new ArrayList<>();
			for (int i = 0; i < request.records().size(); i++) {
				results.add((i == 0) ? error("ProvisionedThroughputExceededException") : ok());
			}
			return CompletableFuture.completedFuture(PutRecordsResponse.builder().records(results).build());
		}), 1, 3);
		publication.add(event(1));
		publication.add(event(2));
		assertThatThrownBy(() -> publication.finish(() -> {
		})).isInstanceOf(RecordPublicationException.class).hasMessageContaining("after 3 attempts");
		assertThat(publication.published()).isOne();
		assertThat(this.requests).hasValue(3);
	}

	@Test
	void keepsNoMoreRequestsInFlightThanAllowed() {
		ScheduledExecutorService slowKinesis = Executors.newScheduledThreadPool(4);
		AtomicInteger outstanding = new AtomicInteger();
		AtomicInteger mostOutstanding = new AtomicInteger();
		try {
			RecordPublication publication = publication(kinesis((request) -> {
				mostOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
				CompletableFuture<PutRecordsResponse> answer = new CompletableFuture<>();
				slowKinesis.schedule(() -> {
					outstanding.decrementAndGet();
					answer.complete(accept(request).join());
				}, 30, TimeUnit.MILLISECONDS);
				return answer;
			}), 2, 3);
			for (int i = 1; i <= 5000; i++) {
				publication.add(event(i));
			}
			assertThat(publication.finish(() -> {
			})).isEqualTo(5000);
		}
		finally {
			slowKinesis.shutdownNow();
		}
		assertThat(this.requests).hasValue(10);
		assertThat(mostOutstanding).hasValue(2);
	}

	@Test
	void aShuttingDownInstanceHandsTheFileBack() {
		RecordPublication publication = publication(kinesis(RecordPublicationTests::accept), 1, 3);
		publication.add(event(1));
		this.stopping = true;
		assertThatThrownBy(() -> publication.add(event(2))).isInstanceOf(UploadHandedBackException.class);
		publication.close();
		assertThat(publication.published()).isZero();
	}

}
