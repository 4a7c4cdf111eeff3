package com.retail.inventory.dashboard;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in Cognito user, the same for a web session and for an API bearer token: the
 * username, the groups (as {@code ROLE_<group>} authorities, see {@link CognitoClaims}),
 * the {@link StoreAccess} that follows from them, and for a web session the Cognito
 * tokens (null for a bearer token, which the client keeps itself).
 */
final class CognitoAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String username;

	private final StoreAccess access;

	private final CognitoTokens tokens;

	CognitoAuthentication(String username, Collection<String> groups, StoreAccess access, CognitoTokens tokens) {
		super(authorities(groups));
		this.username = username;
		this.access = access;
		this.tokens = tokens;
		setAuthenticated(true);
	}

	private static List<GrantedAuthority> authorities(Collection<String> groups) {
		return groups.stream()
			.<GrantedAuthority>map((group) -> new SimpleGrantedAuthority(CognitoClaims.GROUP_AUTHORITY_PREFIX + group))
			.toList();
	}

	StoreAccess access() {
		return this.access;
	}

	/** The web session's tokens; null for an API bearer token. */
	CognitoTokens tokens() {
		return this.tokens;
	}

	/** The same user with new or re-checked tokens. */
	CognitoAuthentication withTokens(CognitoTokens tokens) {
		CognitoAuthentication copy = new CognitoAuthentication(this.username, CognitoClaims.groups(this), this.access,
				tokens);
		copy.setDetails(getDetails());
		return copy;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.username;
	}

	@Override
	public String getName() {
		return this.username;
	}

}
