package com.retail.inventory.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API's refusals, {@code {"status":401|403,"error":"...","message":"..."}}, so
 * scripts and the pages' JavaScript get JSON, never a redirect to the login page.
 */
final class ApiErrors {

	/** The message of a 401. */
	static final String SIGN_IN = "Sign in first: send a Cognito ID or access token as 'Authorization: Bearer "
			+ "<token>', or the dashboard's session cookie";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ApiErrors() {
	}

	/** Whether the request is for the JSON API. */
	static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/api") || path.startsWith("/api/");
	}

	static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.value());
		body.put("error", status.getReasonPhrase());
		body.put("message", message);
		response.setStatus(status.value());
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write(JSON.writeValueAsString(body));
	}

}
