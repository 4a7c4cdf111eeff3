package com.retail.inventory.bench;

import com.retail.inventory.contracts.UploadRef;
import com.retail.inventory.ingest.InventoryCsvReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./inventory bench parse-memory [bytes]}: generates a large inventory file (1 GB
 * by default; deleted afterwards) and streams it through ingest's CSV reader in a JVM
 * limited to 256 MB of heap, printing rows/s and the heap's high-water mark.
 */
final class ParseMemoryCommand {

	private ParseMemoryCommand() {
	}

	static void run(Path workDir, long bytes) throws Exception {
		Files.createDirectories(workDir);
		Path file = workDir.resolve("parse-memory.csv");
		try {
			long rows = generate(file, bytes);
			System.out.printf("Generated %s: %,d bytes, %,d rows%n", file, Files.size(file), rows);
			ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
			System.gc();
			AtomicLong seen = new AtomicLong();
			long start = System.nanoTime();
			InventoryCsvReader.ReadReport report;
			try (Reader text = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
				report = new InventoryCsvReader(16_384).read(text,
						UploadRef.of("inventory-uploads", "big.csv", null, "e", null, "2026-12-02T10:00:00Z"),
						(event) -> seen.incrementAndGet());
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			long peak = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter((pool) -> pool.getType() == MemoryType.HEAP)
				.mapToLong((pool) -> pool.getPeakUsage().getUsed())
				.sum();
			System.out.printf("Parsed %,d rows (%,d emitted, %,d rejected) in %.1f s: %,.0f rows/s, %,.0f MB/s%n",
					report.rowsRead(), seen.get(), report.rowsRejected(), seconds, report.rowsRead() / seconds,
					Files.size(file) / seconds / 1e6);
			System.out.printf("Heap: limit %,d MB, high-water mark %,d MB (sum of the heap pools' peaks)%n",
					Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private static long generate(Path file, long bytes) throws Exception {
		long rows = 0;
		long written = 0;
		StringBuilder chunk = new StringBuilder(1 << 20);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("store,item,count\n");
			while (written < bytes) {
				chunk.setLength(0);
				while (chunk.length() < (1 << 20) - 64) {
					SampleFile.appendRow(chunk, "Store", rows++);
				}
				out.append(chunk);
				written += chunk.length();
			}
		}
		return rows;
	}

}
