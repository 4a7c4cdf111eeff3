package com.retail.inventory.dashboard;

import java.io.Serial;
import org.springframework.security.core.AuthenticationException;

/**
 * The password was right but Cognito asks for another step; the sign-in continues on the
 * challenge's page.
 */
final class SignInChallengeException extends AuthenticationException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final PendingChallenge challenge;

	SignInChallengeException(PendingChallenge challenge) {
		super("Cognito asks for " + challenge.challenge());
		this.challenge = challenge;
	}

	PendingChallenge challenge() {
		return this.challenge;
	}

}
