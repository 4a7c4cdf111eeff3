package com.retail.inventory.dashboard;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What the dashboard reads from a verified Cognito token, the same way for API bearer
 * tokens (ID or access) and for the ID token of a web sign-in: the user's name and
 * groups. Each group in {@code cognito:groups} becomes the authority {@code ROLE_<group>}
 * of the {@link CognitoAuthentication} (built by {@link CognitoUsers}), so both kinds of
 * sign-in carry the groups the same way.
 */
final class CognitoClaims {

	/** The user's groups (a list of strings, in ID and access tokens). */
	static final String GROUPS = "cognito:groups";

	/** The prefix of the authority a group becomes. */
	static final String GROUP_AUTHORITY_PREFIX = "ROLE_";

	private CognitoClaims() {
	}

	/**
	 * @param token a verified ID or access token
	 * @return its {@code cognito:groups}, empty when the user is in none
	 */
	static List<String> groups(Jwt token) {
		List<String> groups = token.hasClaim(GROUPS) ? token.getClaimAsStringList(GROUPS) : null;
		return groups == null ? List.of() : List.copyOf(groups);
	}

	/**
	 * @param token a verified ID or access token
	 * @return the username ({@code cognito:username} in ID tokens, {@code username} in
	 * access tokens), else the user's {@code sub}
	 */
	static String username(Jwt token) {
		for (String claim : List.of("cognito:username", "username")) {
			String value = token.getClaimAsString(claim);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return token.getSubject();
	}

	/** One authority per group of the token. */
	static List<GrantedAuthority> authorities(Jwt token) {
		return groups(token).stream()
			.<GrantedAuthority>map((group) -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + group))
			.toList();
	}

	/**
	 * @param authentication a signed-in user (web session or bearer token)
	 * @return the Cognito groups the user is in
	 */
	static Set<String> groups(Authentication authentication) {
		if (authentication == null) {
			return Set.of();
		}
		Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
		return authorities.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith(GROUP_AUTHORITY_PREFIX))
			.map((authority) -> authority.substring(GROUP_AUTHORITY_PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
	}

}
