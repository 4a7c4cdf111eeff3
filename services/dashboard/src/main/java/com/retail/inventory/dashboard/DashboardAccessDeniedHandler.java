package com.retail.inventory.dashboard;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Refusals by the security filters. A missing or wrong CSRF token is a 403 (a JSON body
 * for the API; 401 for an API request with no credentials at all). Anything else is a
 * signed-in user in no dashboard group: the API answers 403 JSON, the pages show the "no
 * access" page (forwarded to {@link ForbiddenController}) saying who they are and whom to
 * ask.
 */
final class DashboardAccessDeniedHandler implements AccessDeniedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		if (response.isCommitted()) {
			return;
		}
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
		String reason;
		if (denied instanceof CsrfException) {
			if (!signedIn && ApiErrors.isApi(request)) {
				// The CSRF check runs before authentication: without a session or a
				// bearer token the API's answer is "sign in", as for a safe method.
				ApiErrors.write(response, HttpStatus.UNAUTHORIZED, ApiErrors.SIGN_IN);
				return;
			}
			reason = "The request has no valid CSRF token: reload the page and try again";
		}
		else {
			reason = StoreAccess.of(user).noGroup();
		}
		if (ApiErrors.isApi(request)) {
			ApiErrors.write(response, HttpStatus.FORBIDDEN, reason);
			return;
		}
		request.setAttribute(ForbiddenController.REASON, reason);
		response.setStatus(HttpStatus.FORBIDDEN.value());
		request.getRequestDispatcher(ForbiddenController.PATH).forward(request, response);
	}

}
