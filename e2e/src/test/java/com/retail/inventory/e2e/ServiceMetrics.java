package com.retail.inventory.e2e;

import com.retail.inventory.local.LocalPlatform;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/**
 * A counter of a service, from the actuator of each of its running instances, summed: the
 * loader and stock-alert run as two replicas sharing the shards.
 */
final class ServiceMetrics {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private ServiceMetrics() {
	}

	/** The sum over the service's instances; an instance without the meter yet adds 0. */
	static double sum(LocalPlatform platform, String service, String name, String... tags)
			throws IOException, InterruptedException {
		double sum = 0;
		for (int port : platform.portsOf(service)) {
			sum += of(port, name, tags);
		}
		return sum;
	}

	/** One instance's value; 0 while it does not have the meter yet. */
	static double of(int port, String name, String... tags) throws IOException, InterruptedException {
		StringBuilder query = new StringBuilder();
		for (String tag : tags) {
			query.append(query.isEmpty() ? "?" : "&")
				.append("tag=")
				.append(URLEncoder.encode(tag, StandardCharsets.UTF_8));
		}
		HttpResponse<String> response = HTTP
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/metrics/" + name + query))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 404) {
			return 0;
		}
		return JSON.readTree(response.body()).get("measurements").get(0).get("value").asDouble();
	}

}
