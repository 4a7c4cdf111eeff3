package com.retail.inventory.dashboard;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * The Cognito calls of a web sign-in: USER_PASSWORD_AUTH, then the answers to the
 * challenges the dashboard supports ({@code NEW_PASSWORD_REQUIRED},
 * {@code SOFTWARE_TOKEN_MFA}), any number of them in a row. Each step either signs the
 * user in or throws {@link SignInChallengeException} with the next challenge.
 */
@Component
class CognitoSignIn {

	private static final Logger log = LoggerFactory.getLogger(CognitoSignIn.class);

	private final CognitoIdentityProviderClient cognito;

	private final CognitoUsers users;

	private final String clientId;

	CognitoSignIn(CognitoIdentityProviderClient cognito, CognitoUsers users, DashboardProperties properties) {
		this.cognito = cognito;
		this.users = users;
		this.clientId = properties.cognito().clientId();
	}

	/**
	 * @throws SignInChallengeException when Cognito asks for a new password or a code
	 * @throws BadCredentialsException when the username or password is wrong
	 */
	CognitoAuthentication password(String username, String password) {
		try {
			var response = this.cognito.initiateAuth(b -> b.clientId(this.clientId)
				.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
				.authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
			return next(username, response.challengeNameAsString(), response.session(), response.challengeParameters(),
					response.authenticationResult());
		}
		catch (NotAuthorizedException | UserNotFoundException ex) {
			// One message for both, so the login form does not reveal which usernames
			// exist.
			throw new BadCredentialsException("Incorrect username or password");
		}
		catch (AuthenticationException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			log.error("Cognito sign-in failed: {}", ex.toString());
			throw new AuthenticationServiceException("Sign-in is unavailable right now", ex);
		}
	}

	/**
	 * Answers a challenge; Cognito's own exceptions (wrong code, invalid password,
	 * expired session) reach the caller, who shows them.
	 * @throws SignInChallengeException when Cognito asks for another step
	 */
	CognitoAuthentication respond(PendingChallenge challenge, Map<String, String> answers) {
		var response = this.cognito.respondToAuthChallenge(b -> b.clientId(this.clientId)
			.challengeName(challenge.challenge())
			.session(challenge.session())
			.challengeResponses(answers));
		return next(challenge.username(), response.challengeNameAsString(), response.session(),
				response.challengeParameters(), response.authenticationResult());
	}

	private static String canonicalUsername(Map<String, String> parameters, String typed) {
		if (parameters != null) {
			for (String name : new String[] { "USERNAME", "USER_ID_FOR_SRP" }) {
				String value = parameters.get(name);
				if (value != null && !value.isBlank()) {
					return value;
				}
			}
		}
		return typed;
	}

	private CognitoAuthentication next(String username, String challenge, String session,
			Map<String, String> parameters, AuthenticationResultType result) {
		if (challenge == null || challenge.isEmpty()) {
			if (result == null) {
				throw new AuthenticationServiceException("Cognito answered with neither tokens nor a challenge");
			}
			return this.users.signedIn(result, null);
		}
		if (ChallengeNameType.NEW_PASSWORD_REQUIRED.toString().equals(challenge)
				|| ChallengeNameType.SOFTWARE_TOKEN_MFA.toString().equals(challenge)) {
			// The answers must name the user by their username, which differs from what
			// they typed when they signed in with an alias such as their email.
			String canonical = canonicalUsername(parameters, username);
			throw new SignInChallengeException(new PendingChallenge(canonical, challenge, session, this.users.now()));
		}
		throw new BadCredentialsException("Cognito asks for " + challenge
				+ ", which this dashboard does not support; ask head office to check your account");
	}

}
