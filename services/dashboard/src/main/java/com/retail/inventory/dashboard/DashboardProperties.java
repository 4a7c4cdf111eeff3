package com.retail.inventory.dashboard;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param table the Inventory table
 * @param cognito the user pool users sign in with
 */
@Validated
@ConfigurationProperties("inventory.dashboard")
public record DashboardProperties(@NotBlank String table, @Valid @NotNull Cognito cognito) {

	/**
	 * @param region the pool's region
	 * @param userPoolId e.g. {@code eu-west-1_AbC123}
	 * @param clientId the dashboard's app client (no secret, USER_PASSWORD_AUTH allowed)
	 * @param issuerUri token issuer; defaults to the Cognito issuer of the pool
	 * @param jwkSetUri signing keys; defaults to the issuer's
	 * {@code /.well-known/jwks.json}
	 */
	public record Cognito(@NotBlank String region, @NotBlank String userPoolId, @NotBlank String clientId,
			URI issuerUri, URI jwkSetUri) {

		public URI issuer() {
			return issuerUri != null ? issuerUri
					: URI.create("https://cognito-idp." + region + ".amazonaws.com/" + userPoolId);
		}

		public URI jwks() {
			return jwkSetUri != null ? jwkSetUri : URI.create(issuer() + "/.well-known/jwks.json");
		}
	}
}
