package com.retail.inventory.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each service is configured against the local emulators: the standard AWS SDK
 * settings plus the few Spring properties an emulator needs. The one definition shared by
 * everything that runs the services locally: the local runner and the end-to-end test
 * (processes) and the image smoke test (containers).
 */
public record ServiceEnvironment(AwsEndpoints endpoints, LocalResources resources) {

	/**
	 * The four services in start order: consumers before the producers that feed them.
	 */
	public static final List<String> SERVICES = List.of("loader", "stock-alert", "ingest", "dashboard");

	/**
	 * The environment variables of one service (its port excepted: that is the launcher's
	 * choice).
	 */
	public Map<String, String> of(String service) {
		Map<String, String> env = new LinkedHashMap<>(endpoints.environment());
		env.put("SPRING_MAIN_BANNER_MODE", "off");
		if (!service.equals("stock-alert")) {
			// Buckets on a localhost endpoint cannot be addressed as virtual hosts
			// (ingest,
			// the loader and the dashboard read and write the upload reports).
			env.put("SPRING_CLOUD_AWS_S3_PATH_STYLE_ACCESS_ENABLED", "true");
		}
		switch (service) {
			case "loader", "ingest" -> {
			}
			case "stock-alert" -> env.put("INVENTORY_STOCK_ALERT_TOPIC_ARN", resources.noStockTopicArn());
			case "dashboard" -> {
				env.put("INVENTORY_DASHBOARD_COGNITO_USER_POOL_ID", resources.userPoolId());
				env.put("INVENTORY_DASHBOARD_COGNITO_CLIENT_ID", resources.userPoolClientId());
				// Real Cognito serves the JWKS under the issuer URL; the emulator serves
				// it on its own endpoint.
				env.put("INVENTORY_DASHBOARD_COGNITO_JWK_SET_URI",
						endpoints.aws() + "/" + resources.userPoolId() + "/.well-known/jwks.json");
			}
			default -> throw new IllegalArgumentException("Unknown service '" + service + "'; one of " + SERVICES);
		}
		return env;
	}
}
