package com.retail.inventory.local;

import com.retail.inventory.contracts.InventoryChangeRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Local stand-in for the table setting <em>Kinesis Data Streams for DynamoDB</em>, which
 * the emulator lacks: reads the {@code Inventory} table's DynamoDB Stream and writes each
 * change to the {@code inventory-changes} Kinesis stream in the JSON format AWS writes.
 * Not used in AWS.
 *
 * <p>
 * A shard's position only moves on once all its records are in Kinesis (failed entries of
 * a PutRecords call are retried), so a change is never dropped; like AWS, it may be
 * written more than once.
 */
public final class ChangeStreamBridge implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ChangeStreamBridge.class);

	private static final int KINESIS_BATCH = 500;

	private final LocalAwsClients aws;

	private final String tableStreamArn;

	private final String kinesisStream;

	private final ChangeRecordMapper mapper;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, String> iterators = new LinkedHashMap<>();

	private final Map<String, String> lastSequence = new LinkedHashMap<>();

	private final Set<String> finished = new HashSet<>();

	private final Thread thread;

	private volatile boolean running = true;

	private static final Duration DISCOVERY_INTERVAL = Duration.ofSeconds(5);

	private long nextDiscovery;

	private final ExecutorService writer = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "change-stream-bridge-writer");
		thread.setDaemon(true);
		return thread;
	});

	private Future<?> pendingWrites = CompletableFuture.completedFuture(null);

	/** Set when closing gave up waiting for pending writes. */
	private volatile boolean abandoned;

	public ChangeStreamBridge(LocalAwsClients aws, String tableStreamArn, String tableName, String kinesisStream) {
		this.aws = aws;
		this.tableStreamArn = tableStreamArn;
		this.kinesisStream = kinesisStream;
		this.mapper = new ChangeRecordMapper(AwsEndpoints.REGION, tableName);
		this.thread = new Thread(this::run, "change-stream-bridge");
		this.thread.setDaemon(true);
	}

	public ChangeStreamBridge start() {
		thread.start();
		log.info("Bridging {} -> Kinesis stream {}", tableStreamArn, kinesisStream);
		return this;
	}

	private void run() {
		while (running) {
			try {
				if (pollOnce() == 0) {
					Emulators.sleep(Duration.ofMillis(200));
				}
			}
			catch (RuntimeException ex) {
				if (!running) {
					return;
				}
				log.warn("Change-stream bridge error, retrying in 1s: {}", ex.toString());
				Emulators.sleep(Duration.ofSeconds(1));
			}
		}
	}

	/** One pass over all shards. @return how many changes were forwarded */
	int pollOnce() {
		// The emulator's shards change only when the table is recreated: look them up now
		// and then, not per pass
		// (every request costs the single-threaded emulator that also serves the
		// pipeline).
		if (this.iterators.isEmpty() || System.nanoTime() > this.nextDiscovery) {
			discoverShards();
			this.nextDiscovery = System.nanoTime() + DISCOVERY_INTERVAL.toNanos();
		}
		int forwarded = 0;
		for (String shardId : List.copyOf(iterators.keySet())) {
			forwarded += pollShard(shardId);
		}
		return forwarded;
	}

	private void discoverShards() {
		List<Shard> shards = aws.dynamoDbStreams()
			.describeStream(b -> b.streamArn(tableStreamArn))
			.streamDescription()
			.shards();
		for (Shard shard : shards) {
			if (!iterators.containsKey(shard.shardId()) && !finished.contains(shard.shardId())) {
				iterators.put(shard.shardId(), iterator(shard.shardId(), null));
			}
		}
	}

	private String iterator(String shardId, String afterSequence) {
		return aws.dynamoDbStreams().getShardIterator(b -> {
			b.streamArn(tableStreamArn).shardId(shardId);
			if (afterSequence == null) {
				b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
			}
			else {
				b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(afterSequence);
			}
		}).shardIterator();
	}

	private int pollShard(String shardId) {
		GetRecordsResponse response;
		try {
			String iterator = iterators.get(shardId);
			response = aws.dynamoDbStreams().getRecords(b -> b.shardIterator(iterator).limit(1000));
		}
		catch (ExpiredIteratorException ex) {
			iterators.put(shardId, iterator(shardId, lastSequence.get(shardId)));
			return 0;
		}
		List<Record> records = response.records();
		int forwarded = forward(records);
		if (!records.isEmpty()) {
			lastSequence.put(shardId, records.get(records.size() - 1).dynamodb().sequenceNumber());
		}
		if (response.nextShardIterator() == null) {
			iterators.remove(shardId);
			finished.add(shardId);
		}
		else {
			iterators.put(shardId, response.nextShardIterator());
		}
		return forwarded;
	}

	private int forward(List<Record> records) {
		List<PutRecordsRequestEntry> entries = new ArrayList<>();
		for (Record record : records) {
			Optional<InventoryChangeRecord> change = mapper.map(record);
			change.ifPresent(c -> entries.add(PutRecordsRequestEntry.builder()
				.partitionKey(ChangeRecordMapper.partitionKey(record))
				.data(SdkBytes.fromByteArray(json.writeValueAsBytes(c)))
				.build()));
		}
		// Writing to Kinesis overlaps with reading the next records from the table's
		// stream. At most one set of
		// writes is pending (bounded memory); it is retried until it succeeds, so the
		// shard position, which
		// moves on meanwhile, never passes a change that is not in Kinesis (or still
		// being written).
		awaitPendingWrites();
		List<PutRecordsRequestEntry> changes = List.copyOf(entries);
		this.pendingWrites = this.writer.submit(() -> {
			for (int from = 0; from < changes.size(); from += KINESIS_BATCH) {
				putUntilAccepted(changes.subList(from, Math.min(changes.size(), from + KINESIS_BATCH)));
			}
		});
		return entries.size();
	}

	private void awaitPendingWrites() {
		try {
			this.pendingWrites.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			// putUntilAccepted only gives up when the bridge is closing.
		}
	}

	private void putUntilAccepted(List<PutRecordsRequestEntry> batch) {
		for (int attempt = 1; !this.abandoned; attempt++) {
			try {
				putAll(batch);
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Writing change records to Kinesis failed (attempt {}), retrying: {}", attempt, ex.toString());
				Emulators.sleep(Duration.ofMillis(Math.min(2000, 100L * attempt)));
			}
		}
	}

	/**
	 * PutRecords until every entry is accepted. A retried entry may land after a later
	 * one, as in AWS.
	 */
	private void putAll(List<PutRecordsRequestEntry> batch) {
		List<PutRecordsRequestEntry> pending = batch;
		for (int attempt = 1; !pending.isEmpty(); attempt++) {
			List<PutRecordsRequestEntry> toSend = pending;
			PutRecordsResponse response = aws.kinesis().putRecords(b -> b.streamName(kinesisStream).records(toSend));
			List<PutRecordsRequestEntry> failed = new ArrayList<>();
			List<PutRecordsResultEntry> results = response.records();
			for (int i = 0; i < results.size(); i++) {
				if (results.get(i).errorCode() != null) {
					failed.add(toSend.get(i));
				}
			}
			if (!failed.isEmpty()) {
				log.warn("{} of {} change records not accepted by Kinesis (attempt {}), retrying", failed.size(),
						toSend.size(), attempt);
				Emulators.sleep(Duration.ofMillis(Math.min(2000, 100L * attempt)));
			}
			pending = failed;
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
		try {
			this.thread.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		// Changes already read are written before the bridge stops (unless Kinesis is
		// gone).
		this.writer.shutdown();
		try {
			if (!this.writer.awaitTermination(10, TimeUnit.SECONDS)) {
				this.abandoned = true;
				this.writer.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.abandoned = true;
			this.writer.shutdownNow();
		}
	}

}
