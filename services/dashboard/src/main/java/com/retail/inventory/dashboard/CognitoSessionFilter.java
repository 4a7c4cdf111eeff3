package com.retail.inventory.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Keeps a web session only as long as Cognito keeps the user signed in: the tokens are
 * refreshed (REFRESH_TOKEN_AUTH) when the access token is within a minute of expiry, and
 * every {@code inventory.dashboard.session-check} Cognito is asked whether the access
 * token is still good ({@code GetUser}). When Cognito refuses either (the user was
 * disabled or signed out everywhere, the refresh token expired), the session ends: the
 * pages redirect to {@code /login?expired}, the API answers 401. When Cognito cannot be
 * reached the session carries on until it can.
 */
final class CognitoSessionFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(CognitoSessionFilter.class);

	private final CognitoIdentityProviderClient cognito;

	private final CognitoUsers users;

	private final String clientId;

	private final Duration checkEvery;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	CognitoSessionFilter(CognitoIdentityProviderClient cognito, CognitoUsers users, String clientId,
			Duration checkEvery) {
		this.cognito = cognito;
		this.users = users;
		this.clientId = clientId;
		this.checkEvery = checkEvery;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current instanceof CognitoAuthentication user && user.tokens() != null) {
			CognitoAuthentication checked;
			try {
				checked = check(user);
			}
			catch (NotAuthorizedException | UserNotFoundException | AuthenticationException ex) {
				log.info("Session of {} ended: Cognito no longer accepts its tokens ({})", user.getName(),
						ex.getMessage());
				end(request, response);
				return;
			}
			if (checked != user) {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(checked);
				SecurityContextHolder.setContext(context);
				this.contexts.saveContext(context, request, response);
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * @return the user, with refreshed or re-checked tokens when that was due
	 */
	private CognitoAuthentication check(CognitoAuthentication user) {
		Instant now = this.users.now();
		CognitoTokens tokens = user.tokens();
		try {
			if (tokens.nearExpiry(now)) {
				var result = this.cognito
					.initiateAuth(b -> b.clientId(this.clientId)
						.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
						.authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken())))
					.authenticationResult();
				CognitoAuthentication refreshed = this.users.signedIn(result, tokens.refreshToken());
				refreshed.setDetails(user.getDetails());
				return refreshed;
			}
			if (tokens.dueForCheck(now, this.checkEvery)) {
				this.cognito.getUser(b -> b.accessToken(tokens.accessToken()));
				return user.withTokens(tokens.checked(now));
			}
		}
		catch (NotAuthorizedException | UserNotFoundException | AuthenticationException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			log.warn("Cannot check the session of {} with Cognito: {}", user.getName(), ex.toString());
		}
		return user;
	}

	private static void end(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		if (ApiErrors.isApi(request)) {
			ApiErrors.write(response, HttpStatus.UNAUTHORIZED, "Your session ended: sign in again");
		}
		else {
			response.sendRedirect(request.getContextPath() + "/login?expired");
		}
	}

}
