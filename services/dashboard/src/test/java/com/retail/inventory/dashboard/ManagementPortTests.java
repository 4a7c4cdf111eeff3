package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.mock.web.MockHttpServletRequest;

class ManagementPortTests {

	private final ManagementPort managementPort = new ManagementPort();

	private static ServletWebServerInitializedEvent started(String namespace, int port) {
		ServletWebServerApplicationContext context = new ServletWebServerApplicationContext();
		context.setServerNamespace(namespace);
		WebServer server = new WebServer() {
			@Override
			public void start() {
			}

			@Override
			public void stop() {
			}

			@Override
			public int getPort() {
				return port;
			}
		};
		return new ServletWebServerInitializedEvent(server, context);
	}

	private static MockHttpServletRequest onPort(int port) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
		request.setLocalPort(port);
		return request;
	}

	@Test
	void matchesOnlyRequestsOnTheSeparateManagementServersPort() {
		this.managementPort.onApplicationEvent(started(null, 8080));
		assertThat(this.managementPort.matches(onPort(8080))).as("no management server: nothing matches").isFalse();

		this.managementPort.onApplicationEvent(started(ManagementPort.NAMESPACE, 9090));
		assertThat(this.managementPort.matches(onPort(9090))).isTrue();
		assertThat(this.managementPort.matches(onPort(8080))).isFalse();
	}

}
