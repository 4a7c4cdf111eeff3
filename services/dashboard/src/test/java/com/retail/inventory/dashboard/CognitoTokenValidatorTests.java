package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class CognitoTokenValidatorTests {

	private final CognitoTokenValidator validator = new CognitoTokenValidator("dashboard-client");

	private static Jwt.Builder jwt() {
		return Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now()).subject("user-1");
	}

	@Test
	void acceptsTheClientsIdAndAccessTokens() {
		assertThat(validator.validate(jwt().claim("token_use", "id").audience(List.of("dashboard-client")).build())
			.hasErrors()).isFalse();
		assertThat(validator.validate(jwt().claim("token_use", "access").claim("client_id", "dashboard-client").build())
			.hasErrors()).isFalse();
	}

	@Test
	void rejectsTokensOfOtherClientsOrWithoutTokenUse() {
		assertThat(validator.validate(jwt().claim("token_use", "id").audience(List.of("other-client")).build())
			.hasErrors()).isTrue();
		assertThat(
				validator.validate(jwt().claim("token_use", "access").claim("client_id", "other").build()).hasErrors())
			.isTrue();
		assertThat(validator.validate(jwt().audience(List.of("dashboard-client")).build()).hasErrors()).isTrue();
	}

}
