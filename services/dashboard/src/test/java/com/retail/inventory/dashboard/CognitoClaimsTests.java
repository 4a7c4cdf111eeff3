package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

class CognitoClaimsTests {

	private final CognitoUsers users = new CognitoUsers(mock(CognitoIdentityProviderClient.class),
			mock(JwtDecoder.class), TestUsers.RULES, new StaticListableBeanFactory().getBeanProvider(Clock.class));

	private static Jwt.Builder token() {
		return Jwt.withTokenValue("token").header("alg", "RS256").subject("0f3a-sub");
	}

	@Test
	void groupsBecomeRoleAuthoritiesOfIdAndAccessTokens() {
		Jwt id = token().claim("token_use", "id")
			.claim("cognito:username", "ops-demo")
			.claim("cognito:groups", List.of("head-office", "store-managers"))
			.build();
		CognitoAuthentication authentication = users.bearer(id);
		assertThat(authentication.getName()).isEqualTo("ops-demo");
		assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_head-office", "ROLE_store-managers");
		assertThat(CognitoClaims.groups(authentication)).containsExactlyInAnyOrder("head-office", "store-managers");

		Jwt access = token().claim("token_use", "access")
			.claim("username", "ops-demo")
			.claim("scope", "aws.cognito.signin.user.admin")
			.claim("cognito:groups", List.of("head-office"))
			.build();
		assertThat(CognitoClaims.username(access)).isEqualTo("ops-demo");
		assertThat(CognitoClaims.groups(access)).containsExactly("head-office");
	}

	@Test
	void aUserInNoGroupHasNoneAndIsNamedBySubWithoutAUsername() {
		Jwt token = token().claim("token_use", "id").build();
		assertThat(CognitoClaims.groups(token)).isEmpty();
		assertThat(users.bearer(token).getAuthorities()).isEmpty();
		assertThat(users.bearer(token).access().any()).isFalse();
		assertThat(CognitoClaims.username(token)).isEqualTo("0f3a-sub");
		assertThat(CognitoClaims.groups((UsernamePasswordAuthenticationToken) null)).isEmpty();
	}

	@Test
	void onlyHeadOfficeMayChangeThresholds() {
		HeadOffice headOffice = new HeadOffice("head-office");
		var member = UsernamePasswordAuthenticationToken.authenticated("ops-demo", null,
				List.of(new SimpleGrantedAuthority("ROLE_head-office")));
		var manager = UsernamePasswordAuthenticationToken.authenticated("manager", null,
				List.of(new SimpleGrantedAuthority("ROLE_store-managers"), new SimpleGrantedAuthority("head-office")));
		assertThat(headOffice.includes(member)).isTrue();
		assertThat(headOffice.includes(manager)).isFalse();
		assertThat(headOffice.includes(null)).isFalse();
		headOffice.require(member);
		assertThatThrownBy(() -> headOffice.require(manager)).isInstanceOf(HeadOffice.NotMember.class)
			.hasMessage("Only head office can change thresholds: you are not in the Cognito group 'head-office'");
	}

}
