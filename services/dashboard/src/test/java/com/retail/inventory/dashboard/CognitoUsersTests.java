package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.retail.inventory.local.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * Stores of bearer tokens: from the ID token's {@code custom:stores}, or for access
 * tokens (which have no custom attributes) from GetUser, remembered per token.
 */
class CognitoUsersTests {

	private final CognitoIdentityProviderClient cognito = mock(CognitoIdentityProviderClient.class);

	private final MutableClock clock = new MutableClock();

	private final CognitoUsers users;

	CognitoUsersTests() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("clock", this.clock);
		this.users = new CognitoUsers(this.cognito, mock(JwtDecoder.class), TestUsers.RULES,
				beans.getBeanProvider(Clock.class));
	}

	private static Jwt.Builder token(String use) {
		return Jwt.withTokenValue("token-" + use)
			.header("alg", "RS256")
			.subject("sub")
			.claim("token_use", use)
			.claim("cognito:groups", List.of("store-managers"))
			.expiresAt(Instant.now().plus(Duration.ofHours(1)));
	}

	@Test
	void idTokensCarryTheStores() {
		CognitoAuthentication user = users
			.bearer(token("id").claim("cognito:username", "manager").claim("custom:stores", "Berlin,Pusan").build());
		assertThat(user.getName()).isEqualTo("manager");
		assertThat(user.access().stores()).containsExactly("Berlin", "Pusan");
		assertThat(user.tokens()).isNull();
		verifyNoInteractions(cognito);
	}

	@Test
	@SuppressWarnings("unchecked")
	void accessTokensAskCognitoOncePerTokenForAtMostTenMinutes() {
		when(cognito.getUser(any(Consumer.class))).thenReturn(GetUserResponse.builder()
			.username("manager")
			.userAttributes(AttributeType.builder().name("custom:stores").value("Berlin").build())
			.build());
		Jwt access = token("access").claim("username", "manager").build();

		assertThat(users.bearer(access).access().stores()).containsExactly("Berlin");
		assertThat(users.bearer(access).access().stores()).containsExactly("Berlin");
		verify(cognito, times(1)).getUser(any(Consumer.class));
		clock.advance(Duration.ofMinutes(10));
		users.bearer(access);
		verify(cognito, times(2)).getUser(any(Consumer.class));
	}

	@Test
	@SuppressWarnings("unchecked")
	void anAccessTokenCognitoNoLongerAcceptsIsRefused() {
		when(cognito.getUser(any(Consumer.class)))
			.thenThrow(NotAuthorizedException.builder().message("revoked").build());
		assertThatThrownBy(() -> users.bearer(token("access").claim("username", "gone").build()))
			.isInstanceOf(InvalidBearerTokenException.class);
	}

}
