package com.retail.inventory.dashboard;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * After the login form: a challenge continues on its page (the pending challenge kept in
 * the session), any other failure goes back to {@code /login?error} with the message.
 */
final class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

	SignInFailureHandler() {
		super("/login?error");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (exception instanceof SignInChallengeException challenge) {
			request.getSession().setAttribute(PendingChallenge.ATTRIBUTE, challenge.challenge());
			getRedirectStrategy().sendRedirect(request, response, challenge.challenge().page());
			return;
		}
		super.onAuthenticationFailure(request, response, exception);
	}

}
