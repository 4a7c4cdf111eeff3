package com.retail.inventory.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * A service's {@code /actuator/prometheus} as the tests read it: every series, its name
 * and labels exactly as written (e.g.
 * {@code inventory_ingest_rows_total{application="ingest",outcome="accepted"}}), to its
 * value.
 */
public final class PrometheusScrape {

	private PrometheusScrape() {
	}

	/** Scrapes {@code /actuator/prometheus} of the service on that port of localhost. */
	public static Map<String, Double> of(int port) {
		return of(URI.create("http://localhost:" + port));
	}

	/** Scrapes {@code /actuator/prometheus} of the service at that base URI. */
	public static Map<String, Double> of(URI base) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(base.resolve("/actuator/prometheus")).build(),
						HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(
						base + "/actuator/prometheus answered " + response.statusCode() + ": " + response.body());
			}
			return series(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The series of a scrape's body (Prometheus text format; comments skipped). */
	public static Map<String, Double> series(String body) {
		Map<String, Double> series = new HashMap<>();
		for (String line : body.split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				int space = line.lastIndexOf(' ');
				series.put(line.substring(0, space), Double.valueOf(line.substring(space + 1)));
			}
		}
		return series;
	}

}
