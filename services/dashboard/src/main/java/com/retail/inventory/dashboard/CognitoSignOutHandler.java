package com.retail.inventory.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Signing out of the dashboard signs the user out of Cognito too ({@code GlobalSignOut}),
 * so the session's refresh token (and every other token of the user) stops working, not
 * just the session cookie. Runs before the session is invalidated; a failure is logged
 * and the local sign-out still happens.
 */
final class CognitoSignOutHandler implements LogoutHandler {

	private static final Logger log = LoggerFactory.getLogger(CognitoSignOutHandler.class);

	private final CognitoIdentityProviderClient cognito;

	CognitoSignOutHandler(CognitoIdentityProviderClient cognito) {
		this.cognito = cognito;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (authentication instanceof CognitoAuthentication user && user.tokens() != null) {
			try {
				this.cognito.globalSignOut(b -> b.accessToken(user.tokens().accessToken()));
			}
			catch (RuntimeException ex) {
				log.warn("Cognito GlobalSignOut for {} failed: {}", user.getName(), ex.toString());
			}
		}
	}

}
