package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.retail.inventory.local.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTests {

	private final MutableClock clock = new MutableClock();

	private final AtomicInteger verifications = new AtomicInteger();

	private Instant expiry = Instant.now().plus(Duration.ofMinutes(60));

	private final JwtDecoder verifier = (token) -> {
		this.verifications.incrementAndGet();
		if (token.startsWith("forged")) {
			throw new BadJwtException("bad signature");
		}
		return Jwt.withTokenValue(token).header("alg", "RS256").subject("user").expiresAt(this.expiry).build();
	};

	private final VerifiedTokens tokens = new VerifiedTokens(this.verifier, this.clock);

	@Test
	void aTokenIsVerifiedOnceWhileItLasts() {
		assertThat(this.tokens.decode("token-a").getSubject()).isEqualTo("user");
		assertThat(this.tokens.decode("token-a").getSubject()).isEqualTo("user");
		assertThat(this.verifications).hasValue(1);
		this.tokens.decode("token-b");
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void anExpiredTokenIsVerifiedAgainAndSoRefused() {
		this.tokens.decode("token-a");
		this.clock.advance(Duration.ofMinutes(61));
		this.expiry = Instant.now().minusSeconds(1);
		this.tokens.decode("token-a");
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aTokenThatFailsIsNeverRemembered() {
		assertThatThrownBy(() -> this.tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> this.tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);
		assertThat(this.verifications).hasValue(2);
	}

}
