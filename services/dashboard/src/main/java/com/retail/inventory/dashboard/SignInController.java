package com.retail.inventory.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/**
 * The sign-in pages: the login form (posted to Spring Security's form login, see
 * {@link CognitoAuthenticationProvider}) and the pages of Cognito's challenges: a new
 * password on the first sign-in (checked against the pool's policy) and the code of an
 * authenticator app. A challenge is answered within {@link PendingChallenge#LIFETIME} of
 * the password, else the user starts again.
 */
@Controller
class SignInController {

	private static final String TIMED_OUT = "redirect:/login?timeout";

	private final CognitoSignIn signIn;

	private final PoolPasswordPolicy policy;

	private final CognitoUsers users;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final RequestCache requests = new HttpSessionRequestCache();

	SignInController(CognitoSignIn signIn, PoolPasswordPolicy policy, CognitoUsers users) {
		this.signIn = signIn;
		this.policy = policy;
		this.users = users;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/login/new-password")
	String newPassword(HttpSession session, Model model) {
		PendingChallenge challenge = pending(session, PendingChallenge.NEW_PASSWORD);
		if (challenge == null) {
			return TIMED_OUT;
		}
		return newPasswordPage(model, challenge, List.of());
	}

	@PostMapping("/login/new-password")
	String setNewPassword(@RequestParam(name = "newPassword", defaultValue = "") String password,
			@RequestParam(name = "confirmPassword", defaultValue = "") String confirmation, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		PendingChallenge challenge = pending(request.getSession(), PendingChallenge.NEW_PASSWORD);
		if (challenge == null) {
			return TIMED_OUT;
		}
		List<String> errors = new ArrayList<>(this.policy.get().violations(password));
		if (!password.equals(confirmation)) {
			errors.add("The two passwords are not the same.");
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return newPasswordPage(model, challenge, errors);
		}
		try {
			return complete(
					this.signIn.respond(challenge, Map.of("USERNAME", challenge.username(), "NEW_PASSWORD", password)),
					request, response);
		}
		catch (InvalidPasswordException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return newPasswordPage(model, challenge, List.of("Cognito refused the password: " + message(ex)));
		}
		catch (SignInChallengeException ex) {
			return next(ex, request);
		}
		catch (NotAuthorizedException | ResourceNotFoundException ex) {
			// Cognito's session of the challenge ended.
			return TIMED_OUT;
		}
	}

	@GetMapping("/login/mfa")
	String mfa(HttpSession session, Model model) {
		PendingChallenge challenge = pending(session, PendingChallenge.MFA);
		if (challenge == null) {
			return TIMED_OUT;
		}
		return mfaPage(model, challenge, null);
	}

	@PostMapping("/login/mfa")
	String verifyCode(@RequestParam(name = "code", defaultValue = "") String code, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		PendingChallenge challenge = pending(request.getSession(), PendingChallenge.MFA);
		if (challenge == null) {
			return TIMED_OUT;
		}
		String digits = code.replace(" ", "");
		if (!digits.matches("[0-9]{6}")) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return mfaPage(model, challenge, "Enter the 6-digit code your authenticator app shows.");
		}
		try {
			return complete(
					this.signIn.respond(challenge,
							Map.of("USERNAME", challenge.username(), "SOFTWARE_TOKEN_MFA_CODE", digits)),
					request, response);
		}
		catch (CodeMismatchException | ExpiredCodeException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return mfaPage(model, challenge, "That code is not right: check your authenticator app and try again.");
		}
		catch (SignInChallengeException ex) {
			return next(ex, request);
		}
		catch (NotAuthorizedException | ResourceNotFoundException ex) {
			return TIMED_OUT;
		}
	}

	private PendingChallenge pending(HttpSession session, String kind) {
		if (session == null || !(session.getAttribute(PendingChallenge.ATTRIBUTE) instanceof PendingChallenge c)) {
			return null;
		}
		if (c.expired(this.users.now())) {
			session.removeAttribute(PendingChallenge.ATTRIBUTE);
			return null;
		}
		return kind.equals(c.challenge()) ? c : null;
	}

	private String newPasswordPage(Model model, PendingChallenge challenge, List<String> errors) {
		model.addAttribute("username", challenge.username());
		model.addAttribute("policy", this.policy.get().rules());
		model.addAttribute("errors", errors);
		return "new-password";
	}

	private String mfaPage(Model model, PendingChallenge challenge, String error) {
		model.addAttribute("username", challenge.username());
		model.addAttribute("error", error);
		return "mfa";
	}

	private String next(SignInChallengeException ex, HttpServletRequest request) {
		request.getSession().setAttribute(PendingChallenge.ATTRIBUTE, ex.challenge());
		return "redirect:" + ex.challenge().page();
	}

	/**
	 * Signed in: a new session id (no fixation), the user in it, back where they were.
	 */
	private String complete(CognitoAuthentication user, HttpServletRequest request, HttpServletResponse response) {
		request.getSession().removeAttribute(PendingChallenge.ATTRIBUTE);
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(user);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		SavedRequest saved = this.requests.getRequest(request, response);
		if (saved != null) {
			this.requests.removeRequest(request, response);
			return "redirect:" + saved.getRedirectUrl();
		}
		return "redirect:/";
	}

	private static String message(CognitoIdentityProviderException ex) {
		String message = (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorMessage() : null;
		return (message == null || message.isBlank()) ? "the password does not meet the pool's policy" : message;
	}

}
