package com.retail.inventory.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens that passed verification until they expire, so a client sending
 * the same bearer token every few seconds (the pages' polling, API scripts) is not
 * verified again each time: the RSA signature check, parsing and claim validation were
 * most of a small request's cost (bench/README.md, "Dashboard load"). A remembered token
 * is exactly as valid as when it was verified: nothing a later check could see changes
 * before its {@code exp}, which is checked on every use. Bounded: when full, the whole
 * cache is dropped and refills from the tokens in use.
 */
final class VerifiedTokens implements JwtDecoder {

	static final int MAX_TOKENS = 10_000;

	private final JwtDecoder verifier;

	private final Clock clock;

	private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

	VerifiedTokens(JwtDecoder verifier, Clock clock) {
		this.verifier = verifier;
		this.clock = clock;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Instant now = this.clock.instant();
		Jwt known = this.verified.get(token);
		if (known != null) {
			if (unexpired(known, now)) {
				return known;
			}
			this.verified.remove(token);
		}
		Jwt jwt = this.verifier.decode(token);
		if (unexpired(jwt, now)) {
			if (this.verified.size() >= MAX_TOKENS) {
				this.verified.clear();
			}
			this.verified.put(token, jwt);
		}
		return jwt;
	}

	private static boolean unexpired(Jwt jwt, Instant now) {
		return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt());
	}

}
