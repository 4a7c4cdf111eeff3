package com.retail.inventory.bench;

import com.retail.inventory.contracts.UploadRef;
import com.retail.inventory.ingest.InventoryCsvReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Rows per second of ingest's CSV reader (row guard, parse, validate, build the event) on
 * one core, against raw commons-csv parsing the same bytes: the price of the checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = { "-Xmx512m" })
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 8, time = 1)
@Threads(1)
public class CsvReaderBenchmark {

	static final int ROWS = 100_000;

	private static final CSVFormat RAW = CSVFormat.DEFAULT.builder()
		.setIgnoreSurroundingSpaces(true)
		.setIgnoreEmptyLines(true)
		.get();

	private static final UploadRef UPLOAD = UploadRef.of("inventory-uploads", "bench.csv", null, "e", "A1",
			"2026-12-02T10:00:00Z");

	private byte[] file;

	private final InventoryCsvReader reader = new InventoryCsvReader(16_384);

	@Setup
	public void file() {
		this.file = SampleFile.csv(ROWS).getBytes(StandardCharsets.UTF_8);
	}

	private Reader text() {
		return new InputStreamReader(new ByteArrayInputStream(this.file), StandardCharsets.UTF_8);
	}

	@Benchmark
	@OperationsPerInvocation(ROWS)
	public long inventoryCsvReader(Blackhole rows) {
		return this.reader.read(text(), UPLOAD, rows::consume).rowsEmitted();
	}

	@Benchmark
	@OperationsPerInvocation(ROWS)
	public long rawCommonsCsv(Blackhole rows) throws IOException {
		long count = 0;
		try (CSVParser parser = CSVParser.parse(text(), RAW)) {
			for (CSVRecord record : parser) {
				rows.consume(record.get(0));
				rows.consume(record.get(1));
				rows.consume(record.get(2));
				count++;
			}
		}
		return count;
	}

}
