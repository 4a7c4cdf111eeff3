package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.view.InternalResourceViewResolver;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;

/**
 * The challenge pages' rules without Cognito: what is checked before Cognito is asked,
 * Cognito's own refusals, a challenge after a challenge, and the 3-minute limit.
 */
class SignInControllerTests {

	private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

	private final CognitoSignIn signIn = mock(CognitoSignIn.class);

	private final PoolPasswordPolicy policy = mock(PoolPasswordPolicy.class);

	private final CognitoUsers users = mock(CognitoUsers.class);

	// Views are only named here (the integration tests render them).
	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new SignInController(signIn, policy, users))
		.setViewResolvers(new InternalResourceViewResolver("/templates/", ".html"))
		.build();

	private final MockHttpSession session = new MockHttpSession();

	@BeforeEach
	void pool() {
		when(policy.get()).thenReturn(new PasswordPolicy(12, true, true, true, true));
		when(users.now()).thenReturn(NOW);
	}

	private PendingChallenge pending(String challenge, Instant startedAt) {
		PendingChallenge pending = new PendingChallenge("first-timer", challenge, "session-1", startedAt);
		session.setAttribute(PendingChallenge.ATTRIBUTE, pending);
		return pending;
	}

	@Test
	void theNewPasswordIsCheckedAgainstThePoolsPolicyBeforeCognitoIsAsked() throws Exception {
		pending(PendingChallenge.NEW_PASSWORD, NOW);
		mvc.perform(get("/login/new-password").session(session))
			.andExpect(view().name("new-password"))
			.andExpect(model().attribute("policy", Matchers.hasItem("At least 12 characters")));
		mvc.perform(post("/login/new-password").session(session)
			.param("newPassword", "Short1!")
			.param("confirmPassword", "Short1!"))
			.andExpect(status().isBadRequest())
			.andExpect(model().attribute("errors", List.of("The password must have at least 12 characters.")));
		verifyNoInteractions(signIn);
	}

	@Test
	void cognitosOwnRefusalIsShown() throws Exception {
		PendingChallenge challenge = pending(PendingChallenge.NEW_PASSWORD, NOW);
		when(signIn.respond(eq(challenge), any())).thenThrow(InvalidPasswordException.builder()
			.awsErrorDetails(AwsErrorDetails.builder()
				.errorMessage("Password does not conform to policy: Password must not be a previous password")
				.build())
			.build());
		mvc.perform(post("/login/new-password").session(session)
			.param("newPassword", "Inventory-Demo-2026!")
			.param("confirmPassword", "Inventory-Demo-2026!"))
			.andExpect(status().isBadRequest())
			.andExpect(model().attribute("errors",
					List.of("Cognito refused the password: Password does not conform to policy: Password must not be a "
							+ "previous password")));
	}

	@Test
	void aNewPasswordCanBeFollowedByAnMfaCode() throws Exception {
		PendingChallenge challenge = pending(PendingChallenge.NEW_PASSWORD, NOW);
		PendingChallenge mfa = new PendingChallenge("first-timer", PendingChallenge.MFA, "session-2", NOW);
		when(signIn.respond(challenge, Map.of("USERNAME", "first-timer", "NEW_PASSWORD", "My-Own-Password-42")))
			.thenThrow(new SignInChallengeException(mfa));
		mvc.perform(post("/login/new-password").session(session)
			.param("newPassword", "My-Own-Password-42")
			.param("confirmPassword", "My-Own-Password-42")).andExpect(redirectedUrl("/login/mfa"));
		assertThat(session.getAttribute(PendingChallenge.ATTRIBUTE)).isEqualTo(mfa);

		when(signIn.respond(mfa, Map.of("USERNAME", "first-timer", "SOFTWARE_TOKEN_MFA_CODE", "111111")))
			.thenThrow(CodeMismatchException.builder().message("wrong").build());
		mvc.perform(post("/login/mfa").session(session).param("code", "111111"))
			.andExpect(status().isBadRequest())
			.andExpect(model().attribute("error", Matchers.containsString("That code is not right")));

		CognitoAuthentication user = TestUsers.headOffice("first-timer");
		when(signIn.respond(mfa, Map.of("USERNAME", "first-timer", "SOFTWARE_TOKEN_MFA_CODE", "123456")))
			.thenReturn(user);
		mvc.perform(post("/login/mfa").session(session).param("code", "123 456")).andExpect(redirectedUrl("/"));
		assertThat(session.getAttribute(PendingChallenge.ATTRIBUTE)).isNull();
		assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
			.hasFieldOrPropertyWithValue("authentication", user);
	}

	@Test
	void aChallengeOlderThanThreeMinutesStartsTheSignInAgain() throws Exception {
		pending(PendingChallenge.MFA, NOW.minus(Duration.ofMinutes(3)));
		mvc.perform(post("/login/mfa").session(session).param("code", "123456"))
			.andExpect(redirectedUrl("/login?timeout"));
		assertThat(session.getAttribute(PendingChallenge.ATTRIBUTE)).isNull();
		mvc.perform(get("/login/new-password").session(session)).andExpect(redirectedUrl("/login?timeout"));
		verifyNoInteractions(signIn);
	}

	@Test
	void theWrongPageForThePendingChallengeStartsAgain() throws Exception {
		pending(PendingChallenge.MFA, NOW);
		mvc.perform(get("/login/new-password").session(session)).andExpect(redirectedUrl("/login?timeout"));
		mvc.perform(get("/login/mfa").session(session)).andExpect(view().name("mfa"));
	}

}
