package com.retail.inventory.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Matches requests that came in on the separate management port
 * ({@code management.server.port}, 9090 in the chart), where Prometheus scrapes; never
 * when the actuator shares the app port (no port set, or the same one), which the ALB
 * exposes to the internet.
 *
 * <p>
 * Spring Boot registers the app's Spring Security filter chain in the management server's
 * child context too (ServletManagementChildContextConfiguration), so the same chains
 * decide on both ports: this matcher is how they tell the ports apart. The port is the
 * one the management server actually listens on (so {@code 0}, a random port, works):
 * Boot announces it with a {@link WebServerInitializedEvent} of the server namespace
 * {@code management}, published in the child context and so seen by this parent context's
 * listeners. The request's local port is the socket's, which no forwarded header changes.
 */
@Component
class ManagementPort implements ApplicationListener<WebServerInitializedEvent>, RequestMatcher {

	/** Boot's server namespace of the separate management server. */
	static final String NAMESPACE = "management";

	private volatile int port = -1;

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
			this.port = event.getWebServer().getPort();
		}
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		int managementPort = this.port;
		return managementPort > 0 && request.getLocalPort() == managementPort;
	}

}
