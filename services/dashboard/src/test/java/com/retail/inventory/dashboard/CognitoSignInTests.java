package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** Which of Cognito's answers continue a sign-in, and how. */
class CognitoSignInTests {

	private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

	private final CognitoIdentityProviderClient cognito = mock(CognitoIdentityProviderClient.class);

	private final CognitoUsers users = mock(CognitoUsers.class);

	private CognitoSignIn signIn;

	@BeforeEach
	void setUp() {
		when(users.now()).thenReturn(NOW);
		DashboardProperties properties = mock(DashboardProperties.class);
		when(properties.cognito())
			.thenReturn(new DashboardProperties.Cognito("us-east-1", "pool", "client", (URI) null, (URI) null));
		signIn = new CognitoSignIn(cognito, users, properties);
	}

	@SuppressWarnings("unchecked")
	private void initiateAuthAnswers(InitiateAuthResponse response) {
		when(cognito.initiateAuth(any(Consumer.class))).thenReturn(response);
	}

	@Test
	void aTemporaryPasswordLeadsToTheNewPasswordPage() {
		initiateAuthAnswers(
				InitiateAuthResponse.builder().challengeName("NEW_PASSWORD_REQUIRED").session("s1").build());
		assertThatThrownBy(() -> signIn.password("first-timer", "Temporary-1!"))
			.isInstanceOfSatisfying(SignInChallengeException.class, (ex) -> {
				assertThat(ex.challenge())
					.isEqualTo(new PendingChallenge("first-timer", PendingChallenge.NEW_PASSWORD, "s1", NOW));
				assertThat(ex.challenge().page()).isEqualTo("/login/new-password");
			});
	}

	@Test
	@SuppressWarnings("unchecked")
	void anMfaChallengeAfterTheNewPasswordCarriesTheNewSession() {
		when(cognito.respondToAuthChallenge(any(Consumer.class))).thenReturn(
				RespondToAuthChallengeResponse.builder().challengeName("SOFTWARE_TOKEN_MFA").session("s2").build());
		PendingChallenge first = new PendingChallenge("first-timer", PendingChallenge.NEW_PASSWORD, "s1", NOW);
		assertThatThrownBy(() -> signIn.respond(first, Map.of("USERNAME", "first-timer", "NEW_PASSWORD", "x")))
			.isInstanceOfSatisfying(SignInChallengeException.class, (ex) -> {
				assertThat(ex.challenge().session()).isEqualTo("s2");
				assertThat(ex.challenge().page()).isEqualTo("/login/mfa");
			});
	}

	@Test
	void theChallengeNamesTheUserAsCognitoDoes() {
		initiateAuthAnswers(InitiateAuthResponse.builder()
			.challengeName("SOFTWARE_TOKEN_MFA")
			.session("s1")
			.challengeParameters(Map.of("USER_ID_FOR_SRP", "first-timer"))
			.build());
		assertThatThrownBy(() -> signIn.password("First.Timer@example.com", "pw")).isInstanceOfSatisfying(
				SignInChallengeException.class, (ex) -> assertThat(ex.challenge().username()).isEqualTo("first-timer"));
	}

	@Test
	void challengesTheDashboardCannotAnswerAreExplained() {
		initiateAuthAnswers(InitiateAuthResponse.builder().challengeName("SMS_MFA").session("s1").build());
		assertThatThrownBy(() -> signIn.password("texter", "pw")).isInstanceOf(BadCredentialsException.class)
			.hasMessageContaining("SMS_MFA");
	}

	@Test
	@SuppressWarnings("unchecked")
	void wrongPasswordsAndUnknownUsersGetTheSameMessage() {
		when(cognito.initiateAuth(any(Consumer.class))).thenThrow(NotAuthorizedException.builder().build())
			.thenThrow(UserNotFoundException.builder().build());
		assertThatThrownBy(() -> signIn.password("a", "b")).hasMessage("Incorrect username or password");
		assertThatThrownBy(() -> signIn.password("nobody", "b")).hasMessage("Incorrect username or password");
	}

}
