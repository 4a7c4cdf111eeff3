package com.retail.inventory.dashboard;

import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Accepts only tokens Cognito issued to the dashboard's app client: an ID token must name
 * it in {@code aud}, an access token in {@code client_id} (Cognito access tokens have no
 * {@code aud}). Without this check, a token from any other app client of the same pool
 * would be accepted.
 */
final class CognitoTokenValidator implements OAuth2TokenValidator<Jwt> {

	private final String clientId;

	CognitoTokenValidator(String clientId) {
		this.clientId = clientId;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		String use = jwt.getClaimAsString("token_use");
		boolean ok = switch (use == null ? "" : use) {
			case "id" -> jwt.getAudience() != null && jwt.getAudience().contains(clientId);
			case "access" -> clientId.equals(jwt.getClaimAsString("client_id"));
			default -> false;
		};
		return ok ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult
			.failure(List.of(new OAuth2Error("invalid_token", "The token was not issued to this application", null)));
	}

}
