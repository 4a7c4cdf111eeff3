package com.retail.inventory.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's readiness and liveness as Kubernetes probes them
 * ({@code /actuator/health/readiness} and {@code /actuator/health/liveness}), for the
 * tests that take a dependency away and see readiness follow it: DOWN, naming the
 * dependency, while liveness stays UP; UP again once it is back.
 *
 * <p>
 * Each wait polls until its expectation holds and fails with an {@link AssertionError}
 * (the last mismatch) when it does not within the timeout (30 s unless
 * {@link #within(Duration)} says otherwise).
 */
public final class Readiness {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	private final HttpClient http = HttpClient.newHttpClient();

	private final URI base;

	private final Duration timeout;

	private Readiness(URI base, Duration timeout) {
		this.base = base;
		this.timeout = timeout;
	}

	/** The service listening on that port of {@code localhost}. */
	public static Readiness of(int port) {
		return of(URI.create("http://localhost:" + port));
	}

	/** The service at that base URI (its actuator below {@code /actuator}). */
	public static Readiness of(URI base) {
		return new Readiness(base, DEFAULT_TIMEOUT);
	}

	/** The same service, waiting that long for each expectation. */
	public Readiness within(Duration timeout) {
		return new Readiness(this.base, timeout);
	}

	/**
	 * Waits until readiness answers 200 with each of the named components UP (with none
	 * named: until it answers 200).
	 */
	public void awaitUp(String... components) {
		await("readiness UP", () -> {
			HttpResponse<String> ready = get("/actuator/health/readiness");
			expect(ready.statusCode() == 200, "readiness answered " + ready.statusCode() + ": " + ready.body());
			for (String component : components) {
				JsonNode status = component(ready, component).path("status");
				expect("UP".equals(status.asString(null)),
						"component " + component + " is " + status + ", not UP: " + ready.body());
			}
		});
	}

	/**
	 * Waits until readiness answers 503 with the component DOWN and its {@code detail}
	 * equal to {@code expected} (e.g. component {@code tables}, detail {@code table}, the
	 * missing table's name).
	 */
	public void awaitDown(String component, String detail, String expected) {
		awaitDown(component, detail, new Predicate<>() {

			@Override
			public boolean test(String value) {
				return expected.equals(value);
			}

			@Override
			public String toString() {
				return "\"" + expected + "\"";
			}

		});
	}

	/**
	 * Waits until readiness answers 503 with the component DOWN and its {@code detail}
	 * matching {@code expected}.
	 */
	public void awaitDown(String component, String detail, Predicate<String> expected) {
		await("readiness DOWN naming " + component, () -> {
			HttpResponse<String> ready = get("/actuator/health/readiness");
			expect(ready.statusCode() == 503, "readiness answered " + ready.statusCode() + ": " + ready.body());
			JsonNode down = component(ready, component);
			JsonNode status = down.path("status");
			expect("DOWN".equals(status.asString(null)),
					"component " + component + " is " + status + ", not DOWN: " + ready.body());
			JsonNode value = down.path("details").path(detail);
			expect(value.isString() && expected.test(value.asString()), "component " + component + "'s detail " + detail
					+ " is " + value + ", expected " + expected + ": " + ready.body());
		});
	}

	/** Liveness answers 200 now: the process is fine whatever its dependencies do. */
	public void assertLive() {
		HttpResponse<String> live = get("/actuator/health/liveness");
		expect(live.statusCode() == 200, "liveness answered " + live.statusCode() + ": " + live.body());
	}

	/**
	 * The readiness tests' shape: takes a dependency away, waits until readiness is DOWN
	 * naming it ({@link #awaitDown(String, String, String)}) while liveness stays UP,
	 * then restores it (also when that failed) and waits until readiness answers 200
	 * again.
	 * @param component the readiness component that checks the dependency
	 * @param detail the detail in which the component names what is missing
	 * @param name the missing dependency's name
	 * @param remove takes the dependency away
	 * @param restore puts it back as it was
	 */
	public void downWhileGone(String component, String detail, String name, Runnable remove, Runnable restore) {
		remove.run();
		try {
			awaitDown(component, detail, name);
			assertLive();
		}
		finally {
			restore.run();
		}
		awaitUp();
	}

	private HttpResponse<String> get(String path) {
		try {
			return this.http.send(HttpRequest.newBuilder(this.base.resolve(path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode component(HttpResponse<String> health, String name) {
		JsonNode component = JsonMapper.shared().readTree(health.body()).path("components").path(name);
		expect(!component.isMissingNode(), "no component " + name + ": " + health.body());
		return component;
	}

	private static void expect(boolean condition, String otherwise) {
		if (!condition) {
			throw new AssertionError(otherwise);
		}
	}

	private void await(String what, Runnable check) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		while (true) {
			try {
				check.run();
				return;
			}
			catch (AssertionError ex) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError(
							"No " + what + " at " + this.base + " within " + this.timeout + ": " + ex.getMessage(), ex);
				}
			}
			Emulators.sleep(POLL_INTERVAL);
		}
	}

}
