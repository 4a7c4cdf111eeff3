package com.retail.inventory.dashboard;

import com.retail.inventory.local.LocalAwsExtension;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The dashboard's settings for the emulators of {@link LocalAwsExtension}, in one place.
 */
final class DashboardTestProperties {

	private DashboardTestProperties() {
	}

	static void register(DynamicPropertyRegistry registry) {
		registry.add("inventory.dashboard.cognito.user-pool-id", () -> LocalAwsExtension.resources().userPoolId());
		registry.add("inventory.dashboard.cognito.client-id", () -> LocalAwsExtension.resources().userPoolClientId());
		registry.add("inventory.dashboard.cognito.jwk-set-uri", () -> LocalAwsExtension.endpoints().aws() + "/"
				+ LocalAwsExtension.resources().userPoolId() + "/.well-known/jwks.json");
		// Buckets on a localhost endpoint cannot be addressed as virtual hosts.
		registry.add("spring.cloud.aws.s3.path-style-access-enabled", () -> "true");
	}

}
