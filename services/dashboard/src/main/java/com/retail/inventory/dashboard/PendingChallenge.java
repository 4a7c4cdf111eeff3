package com.retail.inventory.dashboard;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A sign-in Cognito answered with a challenge (a new password, an MFA code), kept in the
 * HTTP session until the user answers it, for {@link #LIFETIME} only (Cognito's session
 * for it lasts 3 minutes too).
 *
 * @param username who is signing in
 * @param challenge {@link #NEW_PASSWORD} or {@link #MFA}
 * @param session Cognito's session of the challenge
 * @param startedAt when Cognito asked
 */
record PendingChallenge(String username, String challenge, String session, Instant startedAt) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The HTTP session attribute. */
	static final String ATTRIBUTE = PendingChallenge.class.getName();

	static final Duration LIFETIME = Duration.ofMinutes(3);

	static final String NEW_PASSWORD = "NEW_PASSWORD_REQUIRED";

	static final String MFA = "SOFTWARE_TOKEN_MFA";

	boolean expired(Instant now) {
		return !now.isBefore(this.startedAt.plus(LIFETIME));
	}

	/** The page that asks for the answer. */
	String page() {
		return NEW_PASSWORD.equals(this.challenge) ? "/login/new-password" : "/login/mfa";
	}

	@Override
	public String toString() {
		return "PendingChallenge[" + this.username + ", " + this.challenge + "]";
	}

}
