package com.retail.inventory.bench;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code ./inventory bench <command> [args]}: every benchmark of the platform, one jar
 * (bench/README.md).
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		// The local emulators speak JSON, not CBOR, to the Kinesis client (as the
		// services are configured locally).
		System.setProperty("aws.cborEnabled", "false");
		Path root = Path.of(System.getProperty("inventory.root", ".")).toAbsolutePath().normalize();
		// `./inventory bench 100000` is the end-to-end benchmark with that many rows.
		boolean rowsOnly = args.length > 0 && args[0].matches("[0-9_,]+");
		String command = (args.length == 0 || rowsOnly) ? "e2e" : args[0];
		String[] rest = rowsOnly ? args : Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
		switch (command) {
			case "e2e" -> new EndToEndBenchmark((int) number(rest, 0, 100_000)).run();
			case "dashboard" ->
				new DashboardBenchmark(number(rest, 0, 30), number(rest, 1, 10), (int) number(rest, 2, 50)).run();
			case "csv" -> CsvBenchmarkCommand.run();
			case "parse-memory" ->
				ParseMemoryCommand.run(root.resolve("bench/target"), number(rest, 0, 1_000_000_000L));
			case "emulator-costs" -> new EmulatorCostBenchmark(root).run();
			case "kinesis-emulators" ->
				new KinesisEmulatorBenchmark(root, number(rest, 0, 1_000_000), (rest.length > 1) ? rest[1] : null)
					.run();
			default -> {
				System.err.println("usage: inventory bench [e2e [rows] | dashboard [seconds [warm-up [clients]]] | csv"
						+ " | parse-memory [bytes] | emulator-costs" + " | kinesis-emulators [records [candidate]]]");
				System.exit(2);
			}
		}
	}

	static long number(String[] args, int index, long fallback) {
		return (args.length > index) ? Long.parseLong(args[index].replace("_", "").replace(",", "")) : fallback;
	}

}
