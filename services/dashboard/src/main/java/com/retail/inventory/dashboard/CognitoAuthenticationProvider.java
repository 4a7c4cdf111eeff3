package com.retail.inventory.dashboard;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Signs a web user in with their Cognito username and password (the login form). The user
 * is accepted only once the ID token Cognito returns passes the same signature, issuer
 * and audience checks as API tokens; when Cognito asks for a new password or an MFA code
 * first, the sign-in continues on that page ({@link SignInChallengeException}, see
 * {@link SignInController}).
 */
@Component
class CognitoAuthenticationProvider implements AuthenticationProvider {

	private final CognitoSignIn signIn;

	CognitoAuthenticationProvider(CognitoSignIn signIn) {
		this.signIn = signIn;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		return this.signIn.password(authentication.getName(), String.valueOf(authentication.getCredentials()));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
