package com.retail.inventory.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The 403 page the security filters forward to (see
 * {@link DashboardAccessDeniedHandler}), with the reason they give.
 */
@Controller
class ForbiddenController {

	/** Where refused page requests are forwarded. */
	static final String PATH = "/forbidden";

	/** The request attribute with the reason. */
	static final String REASON = ForbiddenController.class.getName() + ".reason";

	@RequestMapping(PATH)
	String forbidden(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		Object reason = request.getAttribute(REASON);
		model.addAttribute("reason", (reason != null) ? reason : "You cannot see this page.");
		return "forbidden";
	}

}
