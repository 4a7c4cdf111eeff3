package com.retail.inventory.bench;

import com.retail.inventory.local.NpmInstall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * The same load against each Kinesis emulator candidate: 4 writers put N records
 * (inventory-record-sized JSON, 500 per PutRecords) into a one-shard stream, the way
 * ingest writes; the put rate is reported per window of the stream's length, with the
 * emulator's memory; then one reader reads every record back with GetRecords, as the
 * loader does. A candidate that falls below a floor rate or over its time budget is
 * stopped and reported as such.
 */
final class KinesisEmulatorBenchmark {

	private static final int WRITERS = 4;

	private static final int BATCH = 500;

	private static final Duration BUDGET = Duration.ofMinutes(10);

	/**
	 * A window slower than this ends the candidate's run: it cannot carry a 100,000-row
	 * upload.
	 */
	private static final double FLOOR_RECORDS_PER_SECOND = 200;

	private final Path candidates;

	private final long records;

	private final long window;

	private final String only;

	/**
	 * @param only measure only the candidates whose name contains this, or all when null
	 */
	KinesisEmulatorBenchmark(Path root, long records, String only) {
		this.candidates = root.resolve("bench/kinesis-emulators");
		this.records = records;
		this.only = only;
		this.window = Math.max(BATCH * WRITERS, records / 10);
	}

	void run() throws Exception {
		NpmInstall.ensureInstalled(this.candidates, "kinesalite");
		System.out.printf("Kinesis emulators: %,d records of %d bytes, %d writers x %d per PutRecords, 1 shard%n%n",
				this.records, payload(0).length, WRITERS, BATCH);
		List<Candidate> all = List.of(
				new Candidate("kinesalite 3.3.3 (in memory)", ".",
						List.of("node", "node_modules/kinesalite/cli.js", "--port", "%PORT%", "--createStreamMs", "0",
								"--deleteStreamMs", "0"),
						Map.of()),
				new Candidate("kinesalite 3.3.3 (LevelDB on disk)", ".",
						List.of("node", "node_modules/kinesalite/cli.js", "--port", "%PORT%", "--createStreamMs", "0",
								"--deleteStreamMs", "0", "--path", "%TMP%"),
						Map.of()),
				new Candidate("kinesis-mock (kinesis-local 0.6.2)", "node_modules/kinesis-local",
						List.of("node", "main.js"),
						Map.of("KINESIS_MOCK_PLAIN_PORT", "%PORT%", "KINESIS_MOCK_TLS_PORT", "%PORT2%",
								"SHOULD_PERSIST_DATA", "false", "CREATE_STREAM_DURATION", "0ms", "LOG_LEVEL", "WARN")));
		List<String> summary = new ArrayList<>();
		for (Candidate candidate : all) {
			if (this.only != null && !candidate.name().contains(this.only)) {
				continue;
			}
			summary.add(measure(candidate));
		}
		System.out.printf("%nSummary%n");
		summary.forEach(System.out::println);
	}

	private String measure(Candidate candidate) throws Exception {
		System.out.printf("== %s%n", candidate.name());
		int port = freePort();
		Path tmp = Files.createTempDirectory("kinesis-emulator");
		ProcessBuilder builder = new ProcessBuilder(candidate.command()
			.stream()
			.map((arg) -> arg.replace("%PORT%", Integer.toString(port)).replace("%TMP%", tmp.toString()))
			.toList()).directory(this.candidates.resolve(candidate.directory()).toFile());
		candidate.environment()
			.forEach((key, value) -> builder.environment()
				.put(key, value.replace("%PORT%", Integer.toString(port))
					.replace("%PORT2%", Integer.toString(freePort()))));
		builder.redirectErrorStream(true).redirectOutput(tmp.resolve("emulator.log").toFile());
		Process process = builder.start();
		try (KinesisClient kinesis = client(URI.create("http://127.0.0.1:" + port))) {
			awaitUp(kinesis, process);
			kinesis.createStream((b) -> b.streamName("bench").shardCount(1));
			awaitActive(kinesis);
			return load(candidate, kinesis, process);
		}
		finally {
			process.descendants().forEach(ProcessHandle::destroy);
			process.destroy();
			process.waitFor(10, TimeUnit.SECONDS);
			process.destroyForcibly();
			deleteTree(tmp);
		}
	}

	private String load(Candidate candidate, KinesisClient kinesis, Process process) throws Exception {
		AtomicLong next = new AtomicLong();
		LongAdder put = new LongAdder();
		LongAdder requests = new LongAdder();
		LongAdder failedEntries = new LongAdder();
		long deadline = System.nanoTime() + BUDGET.toNanos();
		long start = System.nanoTime();
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		List<Future<?>> running = new ArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			running.add(writers.submit(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					long from = next.getAndAdd(BATCH);
					if (from >= this.records) {
						return null;
					}
					List<PutRecordsRequestEntry> entries = new ArrayList<>();
					for (long i = from; i < Math.min(this.records, from + BATCH); i++) {
						entries.add(PutRecordsRequestEntry.builder()
							.partitionKey("Store " + (i % 50) + "/Item " + i)
							.data(SdkBytes.fromByteArrayUnsafe(payload(i)))
							.build());
					}
					List<PutRecordsRequestEntry> pending = entries;
					while (!pending.isEmpty()) {
						List<PutRecordsRequestEntry> sending = pending;
						PutRecordsResponse response = kinesis.putRecords((b) -> b.streamName("bench").records(sending));
						requests.increment();
						List<PutRecordsRequestEntry> failed = new ArrayList<>();
						for (int i = 0; i < response.records().size(); i++) {
							if (response.records().get(i).errorCode() != null) {
								failed.add(sending.get(i));
							}
						}
						failedEntries.add(failed.size());
						put.add(sending.size() - failed.size());
						pending = failed;
					}
				}
				return null;
			}));
		}
		writers.shutdown();
		long reported = 0;
		long windowStart = start;
		String outcome = "completed";
		while (!writers.awaitTermination(200, TimeUnit.MILLISECONDS)) {
			long done = put.sum();
			// A window ends after its share of the records, or after 30 s for a slow
			// candidate.
			if (done - reported >= this.window || (System.nanoTime() - windowStart > 30e9 && done > reported)) {
				double rate = (done - reported) / seconds(System.nanoTime() - windowStart);
				System.out.printf("  %,10d records in the stream: %,8.0f records/s, %5.1f ms per PutRecords, RSS %s%n",
						done, rate, 1000.0 * BATCH * WRITERS / rate / WRITERS, rss(process));
				reported = done;
				windowStart = System.nanoTime();
				if (rate < FLOOR_RECORDS_PER_SECOND) {
					outcome = "stopped: below " + (int) FLOOR_RECORDS_PER_SECOND + " records/s";
					break;
				}
			}
			if (System.nanoTime() > deadline) {
				outcome = "stopped: over the " + BUDGET.toMinutes() + "-minute budget";
				break;
			}
			if (!process.isAlive()) {
				outcome = "emulator exited with code " + process.exitValue();
				break;
			}
		}
		writers.shutdownNow();
		for (Future<?> writer : running) {
			try {
				writer.get(30, TimeUnit.SECONDS);
			}
			catch (ExecutionException ex) {
				if (outcome.equals("completed")) {
					outcome = "failed: " + ex.getCause();
				}
			}
			catch (Exception stopped) {
				// Interrupted by shutdownNow; the counts say how far it got.
			}
		}
		long written = put.sum();
		double putRate = written / seconds(System.nanoTime() - start);
		String memory = rss(process);
		String read;
		try {
			read = process.isAlive() ? readBack(kinesis, written) : "not read back";
		}
		catch (RuntimeException ex) {
			read = "reading back failed: " + ex.getMessage();
		}
		String line = String.format(
				"  %-36s %-44s %,10d put at %,8.0f records/s (%,d PutRecords, %,d entries retried)," + " RSS %s; %s",
				candidate.name(), outcome, written, putRate, requests.sum(), failedEntries.sum(), memory, read);
		System.out.println(line);
		return line;
	}

	/**
	 * Reads the shard from TRIM_HORIZON to its end; the emulator must hand back every
	 * record put.
	 */
	private String readBack(KinesisClient kinesis, long expected) {
		String shard = kinesis.listShards((b) -> b.streamName("bench")).shards().get(0).shardId();
		String iterator = kinesis
			.getShardIterator(
					(b) -> b.streamName("bench").shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
			.shardIterator();
		long read = 0;
		long start = System.nanoTime();
		long deadline = start + BUDGET.toNanos();
		while (read < expected && System.nanoTime() < deadline) {
			String current = iterator;
			GetRecordsResponse response = kinesis.getRecords((b) -> b.shardIterator(current).limit(10_000));
			read += response.records().size();
			iterator = response.nextShardIterator();
			if (response.records().isEmpty() && read < expected) {
				break;
			}
		}
		// More than counted when the stop cut writers off while the emulator still stored
		// their requests.
		return String.format("read back %,d records (%,d counted as put) at %,.0f records/s", read, expected,
				read / seconds(System.nanoTime() - start));
	}

	/** An inventory-record event of the size ingest writes (~330 bytes). */
	private static byte[] payload(long i) {
		return ("{\"schemaVersion\":1,\"store\":\"Store " + (i % 50) + "\",\"item\":\"Item " + i + "\",\"count\":"
				+ (i % 97) + ",\"upload\":{\"id\":\"inventory-uploads/bench.csv#9b2cf535f27731c974343645a3985328\","
				+ "\"bucket\":\"inventory-uploads\",\"key\":\"bench.csv\",\"eTag\":\"9b2cf535f27731c974343645a3985328\","
				+ "\"sequencer\":\"0055AED6DCD90281E5\",\"eventTime\":\"2026-12-02T10:00:00.000Z\"},\"rowNumber\":" + i
				+ "}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static KinesisClient client(URI endpoint) {
		return KinesisClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.httpClientBuilder(
					ApacheHttpClient.builder().maxConnections(WRITERS + 1).socketTimeout(Duration.ofSeconds(120)))
			.build();
	}

	private static void awaitUp(KinesisClient kinesis, Process process) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("emulator exited with code " + process.exitValue());
			}
			try {
				kinesis.listStreams();
				return;
			}
			catch (RuntimeException notYet) {
				Thread.sleep(250);
			}
		}
		throw new IllegalStateException("emulator did not answer within 90 s");
	}

	private static void awaitActive(KinesisClient kinesis) throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			if (kinesis.describeStreamSummary((b) -> b.streamName("bench"))
				.streamDescriptionSummary()
				.streamStatus() == StreamStatus.ACTIVE) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("stream did not become ACTIVE");
	}

	/** Resident memory of the emulator and its children (Linux). */
	private static String rss(Process process) {
		long kb = 0;
		for (ProcessHandle handle : List.of(process.toHandle())) {
			kb += rssKb(handle.pid());
			for (ProcessHandle child : handle.descendants().toList()) {
				kb += rssKb(child.pid());
			}
		}
		return (kb == 0) ? "n/a" : String.format("%,d MB", kb / 1024);
	}

	private static long rssKb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | RuntimeException gone) {
			// Not Linux, or the process has ended.
		}
		return 0;
	}

	private static double seconds(long nanos) {
		return Math.max(1e-9, nanos / 1e9);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		try (var files = Files.walk(dir)) {
			for (Path path : files.sorted((a, b) -> b.compareTo(a)).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** An emulator: how to start it, from which folder under bench/kinesis-emulators. */
	private record Candidate(String name, String directory, List<String> command, Map<String, String> environment) {
	}

}
