package com.retail.inventory.dashboard;

import com.retail.inventory.contracts.UserPoolAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Turns what Cognito says about a user into a {@link CognitoAuthentication}: from the
 * tokens of a web sign-in or refresh (the verified ID token carries the groups and
 * {@code custom:stores}), and from an API bearer token. Access tokens carry the groups
 * but no custom attributes, so their user's stores are looked up with
 * {@code GetUser(accessToken)}, remembered per token until it expires (at most 10
 * minutes); a token Cognito no longer accepts (signed out, user disabled) is refused.
 */
@Component
class CognitoUsers {

	private static final Logger log = LoggerFactory.getLogger(CognitoUsers.class);

	/** How long the stores GetUser returned are trusted for one access token. */
	static final Duration GET_USER_CACHE = Duration.ofMinutes(10);

	private static final int CACHE_LIMIT = 10_000;

	private final CognitoIdentityProviderClient cognito;

	private final JwtDecoder jwtDecoder;

	private final StoreAccessRules rules;

	private final ObjectProvider<Clock> clock;

	private final Map<String, CachedStores> storesByAccessToken = new ConcurrentHashMap<>();

	CognitoUsers(CognitoIdentityProviderClient cognito, JwtDecoder jwtDecoder, StoreAccessRules rules,
			ObjectProvider<Clock> clock) {
		this.cognito = cognito;
		this.jwtDecoder = jwtDecoder;
		this.rules = rules;
		this.clock = clock;
	}

	Instant now() {
		return this.clock.getIfAvailable(Clock::systemUTC).instant();
	}

	/**
	 * @param result the tokens of a completed sign-in
	 * @param refreshToken the refresh token to keep when the result has none (a refresh)
	 * @return the signed-in user, named and scoped by the verified ID token
	 * @throws AuthenticationServiceException when the ID token fails verification
	 */
	CognitoAuthentication signedIn(AuthenticationResultType result, String refreshToken) {
		Jwt idToken;
		try {
			idToken = this.jwtDecoder.decode(result.idToken());
		}
		catch (JwtException ex) {
			throw new AuthenticationServiceException("Cognito returned a token that failed verification", ex);
		}
		Instant now = now();
		int expiresIn = (result.expiresIn() != null) ? result.expiresIn() : 3600;
		CognitoTokens tokens = new CognitoTokens(result.idToken(), result.accessToken(),
				(result.refreshToken() != null) ? result.refreshToken() : refreshToken, now.plusSeconds(expiresIn),
				now);
		return user(idToken, idToken.getClaimAsString(UserPoolAttributes.STORES_CLAIM), tokens);
	}

	/**
	 * The API's authentication of a verified bearer token.
	 * @throws InvalidBearerTokenException when Cognito no longer accepts an access token
	 */
	CognitoAuthentication bearer(Jwt token) {
		String stores = "access".equals(token.getClaimAsString("token_use")) ? storesOf(token)
				: token.getClaimAsString(UserPoolAttributes.STORES_CLAIM);
		return user(token, stores, null);
	}

	private CognitoAuthentication user(Jwt token, String stores, CognitoTokens tokens) {
		String username = CognitoClaims.username(token);
		List<String> groups = CognitoClaims.groups(token);
		return new CognitoAuthentication(username, groups, this.rules.of(username, groups, stores), tokens);
	}

	private String storesOf(Jwt accessToken) {
		Instant now = now();
		CachedStores cached = this.storesByAccessToken.get(accessToken.getTokenValue());
		if (cached != null && now.isBefore(cached.until())) {
			return cached.stores();
		}
		String stores;
		try {
			stores = this.cognito.getUser(b -> b.accessToken(accessToken.getTokenValue()))
				.userAttributes()
				.stream()
				.filter((attribute) -> UserPoolAttributes.STORES_CLAIM.equals(attribute.name()))
				.map(AttributeType::value)
				.findFirst()
				.orElse(null);
		}
		catch (NotAuthorizedException | UserNotFoundException ex) {
			this.storesByAccessToken.remove(accessToken.getTokenValue());
			throw new InvalidBearerTokenException(
					"Cognito no longer accepts this access token (signed out or " + "disabled)");
		}
		catch (RuntimeException ex) {
			log.error("Cognito GetUser failed: {}", ex.toString());
			throw new AuthenticationServiceException("Cannot look up the user's stores right now", ex);
		}
		Instant until = now.plus(GET_USER_CACHE);
		if (accessToken.getExpiresAt() != null && accessToken.getExpiresAt().isBefore(until)) {
			until = accessToken.getExpiresAt();
		}
		if (this.storesByAccessToken.size() >= CACHE_LIMIT) {
			this.storesByAccessToken.values().removeIf((entry) -> !now.isBefore(entry.until()));
			if (this.storesByAccessToken.size() >= CACHE_LIMIT) {
				this.storesByAccessToken.clear();
			}
		}
		this.storesByAccessToken.put(accessToken.getTokenValue(), new CachedStores(stores, until));
		return stores;
	}

	private record CachedStores(String stores, Instant until) {
	}

}
