package com.retail.inventory.bench;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.local.AwsEndpoints;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.ServicePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./inventory bench dashboard [seconds [warm-up seconds [clients]]]} against the
 * platform {@code ./inventory up} runs: seeds 200 stores of 50 items and one store of
 * 10,000 items ({@link DashboardSeed}), waits until the dashboard lists them, then 50
 * clients in a closed loop, half on {@code /api/stores}, half on the big store's items.
 * Two phases: full responses, then polling as the pages do (If-None-Match with the last
 * ETag). Prints per endpoint the requests, rate, latency percentiles, bytes per response
 * and errors; target p99 at most 150 ms.
 */
final class DashboardBenchmark {

	static final double TARGET_P99_MILLIS = 150;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Duration measured;

	private final Duration warmUp;

	private final int clients;

	// Another dashboard (e.g. one started with other JVM options) with
	// -Dinventory.bench.dashboard=http://localhost:8090.
	private final URI dashboard = URI
		.create(System.getProperty("inventory.bench.dashboard", "http://localhost:" + ServicePorts.DASHBOARD));

	// HTTP/1.1 as browsers speak to the dashboard locally; one connection per client.
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	DashboardBenchmark(long measuredSeconds, long warmUpSeconds, int clients) {
		this.measured = Duration.ofSeconds(measuredSeconds);
		this.warmUp = Duration.ofSeconds(warmUpSeconds);
		this.clients = clients;
	}

	void run() throws Exception {
		AwsEndpoints endpoints = new AwsEndpoints(URI.create("http://localhost:" + ServicePorts.MOTO),
				URI.create("http://localhost:" + ServicePorts.KINESIS));
		InventoryResources names = InventoryResources.load();
		try (LocalAwsClients aws = new LocalAwsClients(endpoints)) {
			System.out.printf(
					"Dashboard load: %d clients (half per endpoint), %d s warm-up + %d s measured per phase,"
							+ " against %s%n",
					this.clients, this.warmUp.toSeconds(), this.measured.toSeconds(), this.dashboard);
			long start = System.nanoTime();
			int written = new DashboardSeed(aws.dynamoDb(), names.inventoryTable()).write();
			System.out.printf("  seed: %d stores x %d items + %s with %,d items: %s%n", DashboardSeed.STORES,
					DashboardSeed.ITEMS_PER_STORE, DashboardSeed.BIG_STORE, DashboardSeed.BIG_STORE_ITEMS,
					(written == 0) ? "already in the table"
							: String.format("%,d items written in %.1f s", written, (System.nanoTime() - start) / 1e9));
			String token = BenchUser.idToken(aws.cognito(), names);
			awaitListed(token);
			List<URI> paths = List.of(this.dashboard.resolve("/api/stores"),
					this.dashboard.resolve("/api/stores/" + DashboardSeed.BIG_STORE + "/items"));
			for (URI path : paths) {
				HttpResponse<byte[]> plain = this.http.send(request(path, token).build(),
						HttpResponse.BodyHandlers.ofByteArray());
				System.out.printf("  %s: %,d bytes of JSON uncompressed%n", path.getPath(), plain.body().length);
			}
			System.out.println();
			report("full responses", paths, load(token, paths, false));
			report("polling: If-None-Match with the last ETag", paths, load(token, paths, true));
		}
	}

	/**
	 * Waits until {@code /api/stores} lists every bench store with all its items: the
	 * dashboard may learn of them from the change stream, seconds after they were
	 * written.
	 */
	private void awaitListed(String token) throws Exception {
		Map<String, Integer> expected = DashboardSeed.stores();
		long start = System.nanoTime();
		long deadline = start + Duration.ofMinutes(10).toNanos();
		long lastReport = start;
		while (true) {
			HttpResponse<String> response = this.http.send(
					request(this.dashboard.resolve("/api/stores"), token).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET /api/stores answered " + response.statusCode() + ": "
						+ response.body() + "; is ./inventory up running?");
			}
			Map<String, Integer> listed = new HashMap<>();
			for (JsonNode store : JSON.readTree(response.body())) {
				listed.put(store.get("store").asString(), store.get("items").asInt());
			}
			long complete = expected.entrySet()
				.stream()
				.filter((store) -> store.getValue().equals(listed.get(store.getKey())))
				.count();
			if (complete == expected.size()) {
				System.out.printf("  /api/stores lists all %d bench stores with all their items after %.1f s%n",
						expected.size(), (System.nanoTime() - start) / 1e9);
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("After 10 minutes /api/stores lists " + complete + " of the "
						+ expected.size() + " bench stores");
			}
			if (System.nanoTime() - lastReport > 10e9) {
				System.out.printf("  %d of %d bench stores listed complete so far%n", complete, expected.size());
				lastReport = System.nanoTime();
			}
			Thread.sleep(500);
		}
	}

	/** One result per path: the clients of each merged. */
	private record Phase(List<EndpointLoad> loads, Duration dashboardCpu, Duration motoCpu, Duration clientsCpu,
			Duration machineCpu) {
	}

	private Phase load(String token, List<URI> paths, boolean polling) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(this.clients);
		try {
			long measureFrom = System.nanoTime() + this.warmUp.toNanos();
			long until = measureFrom + this.measured.toNanos();
			List<Future<EndpointLoad>> results = new ArrayList<>();
			for (int client = 0; client < this.clients; client++) {
				URI path = paths.get(client % paths.size());
				results.add(pool.submit(() -> client(token, path, polling, measureFrom, until)));
			}
			Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
			Duration dashboard = cpu(DashboardBenchmark::isDashboard);
			Duration moto = cpu(DashboardBenchmark::isMoto);
			Duration clientsCpu = ProcessHandle.current().info().totalCpuDuration().orElse(null);
			Duration machine = machineCpu();
			Thread.sleep(Math.max(0, (until - System.nanoTime()) / 1_000_000));
			dashboard = minus(cpu(DashboardBenchmark::isDashboard), dashboard);
			moto = minus(cpu(DashboardBenchmark::isMoto), moto);
			clientsCpu = minus(ProcessHandle.current().info().totalCpuDuration().orElse(null), clientsCpu);
			machine = minus(machineCpu(), machine);
			List<EndpointLoad> loads = new ArrayList<>();
			for (int i = 0; i < paths.size(); i++) {
				loads.add(new EndpointLoad());
			}
			for (int client = 0; client < results.size(); client++) {
				loads.get(client % paths.size()).add(results.get(client).get());
			}
			return new Phase(loads, dashboard, moto, clientsCpu, machine);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * One client: requests back to back (a closed loop), recording those that start in
	 * the measured period.
	 */
	private EndpointLoad client(String token, URI path, boolean polling, long measureFrom, long until) {
		EndpointLoad load = new EndpointLoad();
		String etag = null;
		while (System.nanoTime() < until) {
			HttpRequest.Builder request = request(path, token).header("Accept-Encoding", "gzip");
			if (polling && etag != null) {
				request.header("If-None-Match", etag);
			}
			long start = System.nanoTime();
			boolean measuring = start >= measureFrom;
			try {
				HttpResponse<byte[]> response = this.http.send(request.build(),
						HttpResponse.BodyHandlers.ofByteArray());
				long nanos = System.nanoTime() - start;
				if (response.statusCode() == 200) {
					etag = response.headers().firstValue("ETag").orElse(null);
				}
				if (measuring) {
					load.answered(response.statusCode(), nanos, response.body().length,
							response.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent());
				}
			}
			catch (IOException ex) {
				if (measuring) {
					load.failed(ex.toString(), System.nanoTime() - start);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return load;
	}

	private HttpRequest.Builder request(URI uri, String token) {
		return HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
	}

	private void report(String phase, List<URI> paths, Phase result) {
		double seconds = this.measured.toNanos() / 1e9;
		System.out.printf("Phase: %s%n", phase);
		System.out.printf("  %-30s %9s %8s %8s %8s %8s %8s %11s %7s %7s %7s  %s%n", "endpoint", "requests", "req/s",
				"p50 ms", "p95 ms", "p99 ms", "max ms", "bytes/resp", "200", "304", "errors", "p99 <= 150 ms");
		long requests = 0;
		for (int i = 0; i < paths.size(); i++) {
			EndpointLoad load = result.loads().get(i);
			requests += load.answered();
			double p99 = load.millis(99);
			System.out.printf("  %-30s %,9d %,8.1f %8.1f %8.1f %8.1f %8.1f %,11d %,7d %,7d %,7d  %s%n",
					paths.get(i).getPath(), load.answered(), load.answered() / seconds, load.millis(50),
					load.millis(95), p99, load.latencyMicros.getMaxValue() / 1000.0,
					(load.answered() > 0) ? load.bytes / load.answered() : 0, load.ok, load.notModified, load.errors,
					(load.answered() == 0) ? "-" : (p99 <= TARGET_P99_MILLIS) ? "met" : "MISSED");
			if (load.firstError != null) {
				System.out.printf("    first error: %s; errors answered after %.1f s on average%n", load.firstError,
						load.errorNanos / 1e9 / load.errors);
			}
			if (load.compressed > 0) {
				System.out.printf("    %d of the responses gzip-compressed (bytes as received)%n", load.compressed);
			}
		}
		if (result.dashboardCpu() != null && requests > 0) {
			System.out.printf("  dashboard CPU: %.2f ms per request (%.1f s in %d s)%n",
					result.dashboardCpu().toNanos() / 1e6 / requests, result.dashboardCpu().toNanos() / 1e9,
					this.measured.toSeconds());
		}
		if (result.clientsCpu() != null) {
			// The clients share the machine with the dashboard: what they take, it cannot
			// have.
			System.out.printf("  the benchmark's own CPU (the clients): %.1f s in %d s%n",
					result.clientsCpu().toNanos() / 1e9, this.measured.toSeconds());
		}
		if (result.motoCpu() != null) {
			System.out.printf("  moto_server CPU: %.1f s in %d s%n", result.motoCpu().toNanos() / 1e9,
					this.measured.toSeconds());
		}
		if (result.machineCpu() != null && result.dashboardCpu() != null && result.clientsCpu() != null) {
			// Other work on the machine (the platform's other services, anything else
			// running) takes cores from the dashboard and shows in the tail.
			Duration others = result.machineCpu()
				.minus(result.dashboardCpu())
				.minus(result.clientsCpu())
				.minus((result.motoCpu() != null) ? result.motoCpu() : Duration.ZERO);
			System.out.printf("  the machine: %.1f s of CPU in %d s on %d cores, %.1f s of it by other processes%n",
					result.machineCpu().toNanos() / 1e9, this.measured.toSeconds(),
					Runtime.getRuntime().availableProcessors(), others.toNanos() / 1e9);
		}
		System.out.println();
	}

	private static boolean isDashboard(String command) {
		return command.contains("dashboard-") && command.contains("-exec.jar");
	}

	private static boolean isMoto(String command) {
		return command.contains("moto_server") && command.contains(Integer.toString(ServicePorts.MOTO));
	}

	/** CPU time a process of this machine has used so far, or null when none matches. */
	private static Duration cpu(Predicate<String> commandLine) {
		return ProcessHandle.allProcesses()
			.filter((p) -> p.info().commandLine().map(commandLine::test).orElse(false))
			.findFirst()
			.flatMap((p) -> p.info().totalCpuDuration())
			.orElse(null);
	}

	/**
	 * CPU time all processes of the machine have used so far (Linux {@code /proc/stat}),
	 * or null elsewhere.
	 */
	private static Duration machineCpu() {
		try {
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long ticks = 0;
			// user nice system (idle iowait) irq softirq steal, in USER_HZ (100 per
			// second)
			for (int field : new int[] { 1, 2, 3, 6, 7, 8 }) {
				ticks += Long.parseLong(cpu[field]);
			}
			return Duration.ofMillis(ticks * 10);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static Duration minus(Duration after, Duration before) {
		return (after != null && before != null) ? after.minus(before) : null;
	}

}
