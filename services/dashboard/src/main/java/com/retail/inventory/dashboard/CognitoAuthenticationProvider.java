package com.retail.inventory.dashboard;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Signs a web user in with Cognito (USER_PASSWORD_AUTH) and accepts them only once the ID
 * token Cognito returns passes the same signature, issuer and audience checks as API
 * tokens. Group membership ({@code cognito:groups}) becomes the user's roles
 * ({@code ROLE_<group>}, see {@link CognitoClaims}).
 */
@Component
class CognitoAuthenticationProvider implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(CognitoAuthenticationProvider.class);

	private final CognitoIdentityProviderClient cognito;

	private final JwtDecoder jwtDecoder;

	private final String clientId;

	CognitoAuthenticationProvider(CognitoIdentityProviderClient cognito, JwtDecoder jwtDecoder,
			DashboardProperties properties) {
		this.cognito = cognito;
		this.jwtDecoder = jwtDecoder;
		this.clientId = properties.cognito().clientId();
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String password = String.valueOf(authentication.getCredentials());
		InitiateAuthResponse response;
		try {
			response = cognito.initiateAuth(b -> b.clientId(clientId)
				.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
				.authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
		}
		catch (NotAuthorizedException | UserNotFoundException ex) {
			// One message for both, so the login form does not reveal which usernames
			// exist.
			throw new BadCredentialsException("Incorrect username or password");
		}
		catch (RuntimeException ex) {
			log.error("Cognito sign-in failed: {}", ex.toString());
			throw new AuthenticationServiceException("Sign-in is unavailable right now", ex);
		}
		if (response.challengeName() != null || response.authenticationResult() == null) {
			throw new BadCredentialsException("Cognito asks for another step (" + response.challengeNameAsString()
					+ "); finish it in the account portal");
		}
		Jwt idToken;
		try {
			idToken = jwtDecoder.decode(response.authenticationResult().idToken());
		}
		catch (JwtException ex) {
			throw new AuthenticationServiceException("Cognito returned a token that failed verification", ex);
		}
		// The same name and group authorities as an API request with this token.
		return UsernamePasswordAuthenticationToken.authenticated(CognitoClaims.username(idToken), null,
				CognitoClaims.authorities(idToken));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
