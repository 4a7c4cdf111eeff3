package com.retail.inventory.loader;

import com.retail.inventory.contracts.InventoryRecordEvent;
import com.retail.inventory.contracts.LogFields;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * Loads one batch of {@code inventory-records} (one poll of one shard): newest upload
 * wins, every replay is harmless.
 * <ol>
 * <li>Decodes each record; one that is not an inventory record goes to the dead-letter
 * queue.</li>
 * <li>Keeps the newest version per store item.</li>
 * <li>For each group of 100 items (a bounded number of groups in flight): reads the
 * versions the table holds (one BatchGetItem) and drops every record whose version is not
 * newer, so duplicates, replays and older files change nothing and cause no write, hence
 * no change record; then writes the rest at once (BatchWriteItem, 25 a request).</li>
 * <li>Adds the batch's rows to their uploads' counts in the tracking table (and finishes
 * the report of an upload whose last rows these were).</li>
 * </ol>
 * It returns only when every record is in the table, was older than the table, or is in
 * the dead-letter queue; otherwise it throws, so the batch is not checkpointed and is
 * read again. One shard has one consumer (the binder's lock), so no other writer races
 * the read-then-write; writes after the fast-write window are conditional all the same.
 */
class InventoryBatchLoader {

	private static final Logger log = LoggerFactory.getLogger(InventoryBatchLoader.class);

	private final InventoryRecordDecoder decoder = new InventoryRecordDecoder();

	private final StoredVersions versions;

	private final InventoryTableWriter writer;

	private final DeadLetters deadLetters;

	private final LoaderMetrics metrics;

	private final ExecutorService requests;

	private final LoaderProperties properties;

	private final Clock clock;

	private final Consumer<Duration> pause;

	private final UploadProgress progress;

	private final UploadReportFinisher reports;

	InventoryBatchLoader(StoredVersions versions, InventoryTableWriter writer, DeadLetters deadLetters,
			LoaderMetrics metrics, ExecutorService requests, LoaderProperties properties, Clock clock,
			Consumer<Duration> pause, UploadProgress progress, UploadReportFinisher reports) {
		this.progress = progress;
		this.reports = reports;
		this.versions = versions;
		this.writer = writer;
		this.deadLetters = deadLetters;
		this.metrics = metrics;
		this.requests = requests;
		this.properties = properties;
		this.clock = clock;
		this.pause = pause;
	}

	/**
	 * What became of a batch.
	 *
	 * @param records records in the batch
	 * @param written items written
	 * @param skipped records the table already held in that version or newer (or a newer
	 * record of the same item in the batch)
	 * @param deadLettered records sent to the dead-letter queue
	 */
	record Outcome(int records, int written, int skipped, int deadLettered) {
	}

	/**
	 * @param batch the Kinesis records of one poll of one shard, in stream order
	 * @param stream the stream they came from (for dead letters)
	 * @param shard the shard they came from (for dead letters)
	 */
	Outcome load(List<Record> batch, String stream, String shard) {
		// Every line about this batch names its shard (the request threads' too).
		try (LogFields.Scope fields = LogFields.scope().with(LogFields.SHARD, shard)) {
			return loadBatch(batch, stream, shard);
		}
	}

	private Outcome loadBatch(List<Record> batch, String stream, String shard) {
		RetryBudget budget = new RetryBudget(this.properties, this.clock, this.pause);
		Map<InventoryRecordEvent, Record> sources = new IdentityHashMap<>();
		List<InventoryRecordEvent> events = new ArrayList<>();
		int deadLettered = 0;
		for (Record record : batch) {
			InventoryRecordDecoder.Decoded decoded = this.decoder.decode(record.data().asByteArray());
			if (decoded.event() == null) {
				this.deadLetters.send(record, decoded.problem(), stream, shard);
				deadLettered++;
				continue;
			}
			sources.put(decoded.event(), record);
			events.add(decoded.event());
		}
		Set<InventoryRecordEvent> refused = Collections
			.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
		List<InventoryRecordEvent> newest = NewestRecordPerItem.of(events);
		int skipped = events.size() - newest.size();
		// Groups of 100 items, each read and then written at once (a bounded number in
		// flight), so
		// versions are never older than a moment when they are written on.
		List<Outcome> groups = inParallel(chunks(newest, StoredVersions.MAX_KEYS),
				(group) -> loadGroup(group, budget, sources, refused, stream, shard));
		int written = 0;
		for (Outcome group : groups) {
			written += group.written();
			skipped += group.skipped();
			deadLettered += group.deadLettered();
		}
		this.metrics.written(written);
		this.metrics.skipped(skipped);
		this.metrics.deadLettered(deadLettered);
		Outcome outcome = new Outcome(batch.size(), written, skipped, deadLettered);
		log.debug("Loaded a batch of shard {}: {}", shard, outcome);
		account(events, sources, refused, shard);
		return outcome;
	}

	/**
	 * Adds the batch's rows to their uploads' counts: a row the table holds (written now
	 * or before) is loaded, one it refused is dead-lettered.
	 */
	private void account(List<InventoryRecordEvent> events, Map<InventoryRecordEvent, Record> sources,
			Set<InventoryRecordEvent> refused, String shard) {
		Map<String, List<UploadProgress.Row>> byAttempt = new LinkedHashMap<>();
		Map<String, InventoryRecordEvent> firstOf = new LinkedHashMap<>();
		for (InventoryRecordEvent event : events) {
			if (event.attempt() == null) {
				continue;
			}
			String attempt = event.attempt() + " " + event.upload().id();
			firstOf.putIfAbsent(attempt, event);
			byAttempt.computeIfAbsent(attempt, (k) -> new ArrayList<>())
				.add(new UploadProgress.Row(sources.get(event).sequenceNumber(), refused.contains(event)));
		}
		byAttempt.forEach((attempt, rows) -> {
			InventoryRecordEvent first = firstOf.get(attempt);
			try (LogFields.Scope fields = LogFields.upload(first.upload())) {
				count(first, shard, rows);
			}
		});
	}

	/** Adds one attempt's rows of the batch to its upload's counts. */
	private void count(InventoryRecordEvent first, String shard, List<UploadProgress.Row> rows) {
		try {
			this.progress.add(first.upload().id(), first.attempt(), shard, rows).ifPresent(this.reports::finish);
		}
		catch (AwsServiceException ex) {
			if (ex.isThrottlingException() || ex.statusCode() >= 500) {
				throw ex;
			}
			// The rows are loaded; only their account failed (a missing table, access
			// denied), and retrying the batch cannot help: the loading goes on.
			log.error("Upload {}: {} rows loaded but not counted: {}", first.upload().id(), rows.size(),
					DynamoDbFailures.describe(ex));
		}
	}

	/**
	 * Reads the stored versions of up to 100 items and writes the records that are newer.
	 */
	private Outcome loadGroup(List<InventoryRecordEvent> group, RetryBudget budget,
			Map<InventoryRecordEvent, Record> sources, Set<InventoryRecordEvent> refused, String stream, String shard) {
		Instant readAt = budget.now();
		Map<ItemKey, String> stored;
		try {
			stored = this.versions.read(group.stream().map(ItemKey::of).toList(), budget);
		}
		catch (SdkException ex) {
			if (!DynamoDbFailures.isPermanent(ex)) {
				throw ex;
			}
			// E.g. access denied: nothing of these records can be loaded as things are.
			for (InventoryRecordEvent event : group) {
				try (LogFields.Scope fields = fieldsOf(event)) {
					this.deadLetters.send(sources.get(event),
							"reading the table failed: " + DynamoDbFailures.describe(ex), stream, shard);
				}
				refused.add(event);
			}
			return new Outcome(group.size(), 0, 0, group.size());
		}
		List<InventoryRecordEvent> newer = new ArrayList<>();
		for (InventoryRecordEvent event : group) {
			String version = stored.get(ItemKey.of(event));
			if (version == null || event.version().compareTo(version) > 0) {
				newer.add(event);
			}
		}
		int written = 0;
		int skipped = group.size() - newer.size();
		int deadLettered = 0;
		for (List<InventoryRecordEvent> chunk : chunks(newer, InventoryTableWriter.MAX_BATCH)) {
			InventoryTableWriter.Result result = writeOrDeadLetter(chunk, budget, readAt, sources, stream, shard);
			refused.addAll(result.poison().keySet());
			written += result.written();
			skipped += result.skipped();
			deadLettered += result.poison().size();
		}
		return new Outcome(group.size(), written, skipped, deadLettered);
	}

	private InventoryTableWriter.Result writeOrDeadLetter(List<InventoryRecordEvent> chunk, RetryBudget budget,
			Instant readAt, Map<InventoryRecordEvent, Record> sources, String stream, String shard) {
		InventoryTableWriter.Result result;
		try {
			result = this.writer.write(chunk, budget, readAt);
		}
		catch (SdkException ex) {
			if (!DynamoDbFailures.isPermanent(ex)) {
				throw ex;
			}
			Map<InventoryRecordEvent, String> all = new IdentityHashMap<>();
			chunk.forEach((event) -> all.put(event, DynamoDbFailures.describe(ex)));
			result = new InventoryTableWriter.Result(0, 0, all);
		}
		result.poison().forEach((event, reason) -> {
			try (LogFields.Scope fields = fieldsOf(event)) {
				this.deadLetters.send(sources.get(event), "the table refused the record: " + reason, stream, shard);
			}
		});
		return result;
	}

	/** A record's upload, and its own store (a head-office file names many). */
	private static LogFields.Scope fieldsOf(InventoryRecordEvent event) {
		return LogFields.upload(event.upload()).with(LogFields.STORE, event.store());
	}

	/** Runs the tasks on the request pool; the first failure fails the batch. */
	private <T, R> List<R> inParallel(List<T> tasks, Function<T, R> task) {
		if (tasks.size() <= 1) {
			return tasks.stream().map(task).toList();
		}
		Map<String, String> fields = MDC.getCopyOfContextMap();
		List<CompletableFuture<R>> futures = tasks.stream()
			.map((input) -> CompletableFuture.supplyAsync(() -> withFields(fields, () -> task.apply(input)),
					this.requests))
			.toList();
		try {
			CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
		return futures.stream().map(CompletableFuture::join).toList();
	}

	/**
	 * Runs a task on a pool thread with the batch's log fields, and leaves the thread
	 * without them.
	 */
	private static <R> R withFields(Map<String, String> fields, Supplier<R> task) {
		if (fields != null) {
			MDC.setContextMap(fields);
		}
		try {
			return task.get();
		}
		finally {
			MDC.clear();
		}
	}

	private static <T> List<List<T>> chunks(List<T> items, int size) {
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < items.size(); from += size) {
			chunks.add(items.subList(from, Math.min(items.size(), from + size)));
		}
		return chunks;
	}

}
