package com.retail.inventory.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code ./inventory bench csv}: runs {@link CsvReaderBenchmark} and compares the two.
 */
final class CsvBenchmarkCommand {

	static final double TARGET_ROWS_PER_SECOND = 1_000_000;

	static final double TARGET_SHARE_OF_RAW = 0.5;

	private CsvBenchmarkCommand() {
	}

	static void run() throws Exception {
		Options options = new OptionsBuilder().include(CsvReaderBenchmark.class.getName()).build();
		Collection<RunResult> results = new Runner(options).run();
		double reader = score(results, "inventoryCsvReader");
		double raw = score(results, "rawCommonsCsv");
		System.out.printf("%nCSV reader on one core (%,d-row file, JMH throughput):%n", CsvReaderBenchmark.ROWS);
		System.out.printf(
				"  ingest InventoryCsvReader (guard + parse + validate): %,12.0f rows/s   target >= %,.0f   %s%n",
				reader, TARGET_ROWS_PER_SECOND, (reader >= TARGET_ROWS_PER_SECOND) ? "met" : "MISSED");
		System.out.printf("  raw commons-csv (parse only):                          %,12.0f rows/s%n", raw);
		System.out.printf(
				"  reader / raw:                                          %12.0f %%     target >= %.0f %%   %s%n",
				100 * reader / raw, 100 * TARGET_SHARE_OF_RAW,
				(reader / raw >= TARGET_SHARE_OF_RAW) ? "met" : "MISSED");
	}

	private static double score(Collection<RunResult> results, String benchmark) {
		return results.stream()
			.filter((r) -> r.getParams().getBenchmark().endsWith("." + benchmark))
			.findFirst()
			.orElseThrow()
			.getPrimaryResult()
			.getScore();
	}

}
