package com.retail.inventory.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * For every controller: the signed-in user's name as the model attribute {@code user}
 * (the layout shows it with the sign-out button), and {@link StoreAccess.Denied} as 403:
 * the {@code forbidden} page with the reason, or for the API
 * {@code {"status":403,"error":"Forbidden","message":...}}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoreAccessAdvice {

	@ModelAttribute("user")
	String user(Principal user) {
		return (user != null) ? user.getName() : null;
	}

	@ExceptionHandler(StoreAccess.Denied.class)
	ModelAndView denied(StoreAccess.Denied denied, HttpServletRequest request, HttpServletResponse response,
			Principal user) throws IOException {
		if (ApiErrors.isApi(request)) {
			ApiErrors.write(response, HttpStatus.FORBIDDEN, denied.getMessage());
			// Answered: nothing to render.
			return null;
		}
		ModelAndView page = new ModelAndView("forbidden", HttpStatus.FORBIDDEN);
		page.addObject("reason", denied.getMessage());
		page.addObject("user", (user != null) ? user.getName() : null);
		return page;
	}

}
