package com.retail.inventory.dashboard;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The Cognito tokens of a web session, kept so the session can be refreshed, checked and
 * signed out globally.
 *
 * @param idToken the ID token
 * @param accessToken the access token (for GetUser and GlobalSignOut)
 * @param refreshToken for REFRESH_TOKEN_AUTH
 * @param expiresAt when the access token expires
 * @param checkedAt when Cognito last confirmed the session (sign-in, refresh or GetUser)
 */
record CognitoTokens(String idToken, String accessToken, String refreshToken, Instant expiresAt,
		Instant checkedAt) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Refresh this long before the access token expires. */
	static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofSeconds(60);

	boolean nearExpiry(Instant now) {
		return !now.isBefore(this.expiresAt.minus(REFRESH_BEFORE_EXPIRY));
	}

	boolean dueForCheck(Instant now, Duration every) {
		return !now.isBefore(this.checkedAt.plus(every));
	}

	CognitoTokens checked(Instant now) {
		return new CognitoTokens(this.idToken, this.accessToken, this.refreshToken, this.expiresAt, now);
	}

	@Override
	public String toString() {
		// Never log the tokens themselves.
		return "CognitoTokens[expiresAt=" + this.expiresAt + ", checkedAt=" + this.checkedAt + "]";
	}

}
