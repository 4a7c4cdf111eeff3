package com.retail.inventory.images;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Waits until a service in a container reports readiness on
 * {@code /actuator/health/readiness}, like the chart's readiness probe. The container
 * shares the host's network, so it has no mapped ports for Testcontainers' own HTTP wait
 * strategy; this one asks the host port directly and gives up early when the container
 * has exited.
 */
final class HostNetworkReadiness extends AbstractWaitStrategy {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final URI readiness;

	HostNetworkReadiness(int port) {
		this.readiness = readinessUri(port);
	}

	static URI readinessUri(int port) {
		return URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
	}

	@Override
	protected void waitUntilReady() {
		long deadline = System.nanoTime() + startupTimeout.toNanos();
		while (status() != 200) {
			if (!waitStrategyTarget.isRunning()) {
				throw new ContainerLaunchException(
						"The container exited before it was ready; its log:\n" + waitStrategyTarget.getLogs());
			}
			if (System.nanoTime() > deadline) {
				throw new ContainerLaunchException(readiness + " did not answer 200 within " + startupTimeout);
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ContainerLaunchException("interrupted while waiting for " + readiness, ex);
			}
		}
	}

	private int status() {
		try {
			HttpRequest request = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(3)).build();
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException notListeningYet) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

}
