package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.local.TotpCodes;
import com.retail.inventory.local.LocalAwsClients;
import com.retail.inventory.local.LocalAwsExtension;
import com.retail.inventory.local.LocalResources;
import com.retail.inventory.local.MutableClock;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing in to the dashboard against the emulated Cognito pool, over real HTTP: the
 * first sign-in's new password, TOTP codes, sign-out, sessions that end with the Cognito
 * user, token refresh, and what a proxy's {@code X-Forwarded-Proto} changes.
 */
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "inventory.dashboard.session-check=1s")
class SignInIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final InventoryResources NAMES = InventoryResources.load();

	private static final String TEMPORARY = "Temporary-Pass-2026!";

	private static final String CHOSEN = "My-Own-Password-42";

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@MockitoSpyBean
	CognitoIdentityProviderClient cognitoSpy;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		DashboardTestProperties.register(registry);
	}

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock();
		}

	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/** A user as an administrator creates one: a temporary password, maybe a group. */
	private static void create(LocalAwsClients aws, LocalResources resources, String username, String group,
			String stores) {
		List<AttributeType> attributes = new ArrayList<>();
		attributes.add(AttributeType.builder().name("email").value(username + "@example.com").build());
		if (stores != null) {
			attributes.add(AttributeType.builder().name("custom:stores").value(stores).build());
		}
		aws.cognito()
			.adminCreateUser(b -> b.userPoolId(resources.userPoolId())
				.username(username)
				.temporaryPassword(TEMPORARY)
				.userAttributes(attributes)
				.messageAction("SUPPRESS"));
		if (group != null) {
			aws.cognito()
				.adminAddUserToGroup(b -> b.userPoolId(resources.userPoolId()).username(username).groupName(group));
		}
	}

	/** A user who has signed in before (permanent password). */
	private static void createConfirmed(LocalAwsClients aws, LocalResources resources, String username, String group) {
		create(aws, resources, username, group, null);
		aws.cognito()
			.adminSetUserPassword(
					b -> b.userPoolId(resources.userPoolId()).username(username).password(CHOSEN).permanent(true));
	}

	private static AuthenticationResultType tokens(LocalAwsClients aws, LocalResources resources, String username) {
		return aws.cognito()
			.initiateAuth(b -> b.clientId(resources.userPoolClientId())
				.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
				.authParameters(Map.of("USERNAME", username, "PASSWORD", CHOSEN)))
			.authenticationResult();
	}

	@Test
	void theFirstSignInAsksForANewPasswordThatMeetsThePoolsPolicy(LocalAwsClients aws, LocalResources resources)
			throws Exception {
		create(aws, resources, "first-timer", NAMES.headOfficeGroup(), null);
		HttpClient http = browser();

		HttpResponse<String> signIn = signIn(http, "first-timer", TEMPORARY);
		assertThat(location(signIn)).isEqualTo("/login/new-password");
		HttpResponse<String> page = get(http, "/login/new-password");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"password-policy\"", "At least 12 characters", "A digit (0–9)",
				"id=\"new-password\"", "id=\"confirm-password\"", "id=\"set-password\"", "first-timer");

		HttpResponse<String> weak = post(http, "/login/new-password",
				"newPassword=short&confirmPassword=short&_csrf=" + enc(csrf(page.body())));
		assertThat(weak.statusCode()).isEqualTo(400);
		assertThat(weak.body()).contains("class=\"error\"", "at least 12 characters", "a digit (0–9)");
		HttpResponse<String> different = post(http, "/login/new-password", "newPassword=" + enc(CHOSEN)
				+ "&confirmPassword=" + enc(CHOSEN + "x") + "&_csrf=" + enc(csrf(weak.body())));
		assertThat(different.statusCode()).isEqualTo(400);
		assertThat(different.body()).contains("The two passwords are not the same.");
		// Still signed out meanwhile.
		assertThat(get(http, "/thresholds").statusCode()).isEqualTo(302);

		HttpResponse<String> set = post(http, "/login/new-password", "newPassword=" + enc(CHOSEN) + "&confirmPassword="
				+ enc(CHOSEN) + "&_csrf=" + enc(csrf(different.body())));
		// Back to the page asked for before signing in.
		assertThat(set.statusCode()).isEqualTo(302);
		assertThat(URI.create(set.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/thresholds");
		HttpResponse<String> thresholds = get(http, "/thresholds");
		assertThat(thresholds.statusCode()).isEqualTo(200);
		assertThat(thresholds.body()).contains("first-timer");
		// The new password is the password now.
		assertThat(tokens(aws, resources, "first-timer").accessToken()).isNotBlank();
	}

	@Test
	void aChallengeLeftForMoreThanThreeMinutesStartsAgain(LocalAwsClients aws, LocalResources resources)
			throws Exception {
		create(aws, resources, "slow-typist", NAMES.headOfficeGroup(), null);
		HttpClient http = browser();
		assertThat(location(signIn(http, "slow-typist", TEMPORARY))).isEqualTo("/login/new-password");
		String csrf = csrf(get(http, "/login/new-password").body());
		this.clock.advance(Duration.ofMinutes(3));

		HttpResponse<String> late = post(http, "/login/new-password",
				"newPassword=" + enc(CHOSEN) + "&confirmPassword=" + enc(CHOSEN) + "&_csrf=" + enc(csrf));
		assertThat(location(late)).isEqualTo("/login?timeout");
		assertThat(get(http, "/login?timeout").body()).contains("Signing in took too long");
		assertThat(get(http, "/login/new-password").statusCode()).isEqualTo(302);
	}

	@Test
	void usersWithAnAuthenticatorAppEnterItsCode(LocalAwsClients aws, LocalResources resources) throws Exception {
		createConfirmed(aws, resources, "careful", NAMES.headOfficeGroup());
		String accessToken = tokens(aws, resources, "careful").accessToken();
		String secret = aws.cognito().associateSoftwareToken(b -> b.accessToken(accessToken)).secretCode();
		String setupCode = TotpCodes.current(secret);
		aws.cognito()
			.verifySoftwareToken(b -> b.accessToken(accessToken).userCode(setupCode).friendlyDeviceName("phone"));
		aws.cognito()
			.setUserMFAPreference(
					b -> b.accessToken(accessToken).softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));
		HttpClient http = browser();

		assertThat(location(signIn(http, "careful", CHOSEN))).isEqualTo("/login/mfa");
		HttpResponse<String> page = get(http, "/login/mfa");
		assertThat(page.body()).contains("id=\"mfa-code\"", "id=\"verify-code\"");

		HttpResponse<String> notDigits = post(http, "/login/mfa", "code=12ab&_csrf=" + enc(csrf(page.body())));
		assertThat(notDigits.statusCode()).isEqualTo(400);
		assertThat(notDigits.body()).contains("class=\"error\"", "6-digit code");

		String right = TotpCodes.current(secret);
		String wrong = String.format("%06d", (Integer.parseInt(right) + 500_000) % 1_000_000);
		HttpResponse<String> mismatch = post(http, "/login/mfa", "code=" + wrong + "&_csrf=" + enc(csrf(page.body())));
		assertThat(mismatch.statusCode()).isEqualTo(400);
		assertThat(mismatch.body()).contains("class=\"error\"", "That code is not right");
		assertThat(get(http, "/thresholds").statusCode()).isEqualTo(302);

		HttpResponse<String> verified = post(http, "/login/mfa",
				"code=" + TotpCodes.current(secret) + "&_csrf=" + enc(csrf(mismatch.body())));
		assertThat(verified.statusCode()).isEqualTo(302);
		assertThat(URI.create(verified.headers().firstValue("Location").orElseThrow()).getPath())
			.isEqualTo("/thresholds");
		assertThat(get(http, "/thresholds").statusCode()).isEqualTo(200);
	}

	@Test
	void signingOutSignsOutOfCognitoSoTheRefreshTokenStopsWorking(LocalAwsClients aws, LocalResources resources)
			throws Exception {
		createConfirmed(aws, resources, "leaver", NAMES.headOfficeGroup());
		AuthenticationResultType other = tokens(aws, resources, "leaver");
		String refreshToken = other.refreshToken();
		HttpClient http = browser();
		signIn(http, "leaver", CHOSEN);
		HttpResponse<String> page = get(http, "/thresholds");
		assertThat(page.statusCode()).isEqualTo(200);

		HttpResponse<String> signedOut = post(http, "/logout", "_csrf=" + enc(csrf(page.body())));
		assertThat(location(signedOut)).isEqualTo("/login?logout");
		assertThat(get(http, "/thresholds").statusCode()).isEqualTo(302);
		assertThatThrownBy(() -> aws.cognito()
			.initiateAuth(b -> b.clientId(resources.userPoolClientId())
				.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
				.authParameters(Map.of("REFRESH_TOKEN", refreshToken))))
			.isInstanceOf(NotAuthorizedException.class);
		// The API asks Cognito about access tokens (GetUser), so theirs are refused too.
		HttpResponse<String> api = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(url("/api/thresholds"))
				.header("Authorization", "Bearer " + other.accessToken())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(401);
	}

	@Test
	void aDisabledUsersSessionEndsAtTheNextCheck(LocalAwsClients aws, LocalResources resources) throws Exception {
		createConfirmed(aws, resources, "disabled-soon", NAMES.headOfficeGroup());
		HttpClient http = browser();
		signIn(http, "disabled-soon", CHOSEN);
		assertThat(get(http, "/thresholds").statusCode()).isEqualTo(200);
		assertThat(get(http, "/api/thresholds").statusCode()).isEqualTo(200);

		aws.cognito().adminDisableUser(b -> b.userPoolId(resources.userPoolId()).username("disabled-soon"));
		Thread.sleep(1100);

		HttpResponse<String> ended = get(http, "/thresholds");
		assertThat(location(ended)).isEqualTo("/login?expired");
		assertThat(get(http, "/login?expired").body()).contains("Your session ended: sign in again");
		assertThat(get(http, "/thresholds").statusCode()).isEqualTo(302);
	}

	@Test
	void theApiWithAnEndedSessionAnswers401Json(LocalAwsClients aws, LocalResources resources) throws Exception {
		createConfirmed(aws, resources, "api-user", NAMES.headOfficeGroup());
		HttpClient http = browser();
		signIn(http, "api-user", CHOSEN);
		assertThat(get(http, "/api/thresholds").statusCode()).isEqualTo(200);
		aws.cognito().adminDisableUser(b -> b.userPoolId(resources.userPoolId()).username("api-user"));
		Thread.sleep(1100);

		HttpResponse<String> ended = get(http, "/api/thresholds");
		assertThat(ended.statusCode()).isEqualTo(401);
		JsonNode body = JSON.readTree(ended.body());
		assertThat(body.get("status").asInt()).isEqualTo(401);
		assertThat(body.get("message").asString()).contains("session ended");
	}

	@Test
	void tokensAreRefreshedShortlyBeforeTheyExpire(LocalAwsClients aws, LocalResources resources) throws Exception {
		createConfirmed(aws, resources, "all-day", NAMES.headOfficeGroup());
		HttpClient http = browser();
		signIn(http, "all-day", CHOSEN);
		assertThat(get(http, "/thresholds").statusCode()).isEqualTo(200);
		clearInvocations(this.cognitoSpy);

		// Cognito's access tokens last an hour: 30 s before the end the session
		// refreshes.
		this.clock.advance(Duration.ofMinutes(59).plusSeconds(30));
		assertThat(get(http, "/thresholds").statusCode()).isEqualTo(200);
		verify(this.cognitoSpy, atLeastOnce()).initiateAuth(
				argThat((InitiateAuthRequest request) -> request.authFlow() == AuthFlowType.REFRESH_TOKEN_AUTH));
		// The refreshed tokens are good for another hour: no refresh on the next request.
		clearInvocations(this.cognitoSpy);
		assertThat(get(http, "/thresholds").statusCode()).isEqualTo(200);
		verify(this.cognitoSpy, never()).initiateAuth(
				argThat((InitiateAuthRequest request) -> request.authFlow() == AuthFlowType.REFRESH_TOKEN_AUTH));

		// Once Cognito refuses the refresh token (signed out everywhere), the session
		// ends.
		aws.cognito().globalSignOut(b -> b.accessToken(tokens(aws, resources, "all-day").accessToken()));
		this.clock.advance(Duration.ofMinutes(59).plusSeconds(30));
		assertThat(location(get(http, "/thresholds"))).isEqualTo("/login?expired");
	}

	@Test
	void behindTheLoadBalancerTheCookieIsSecureAndHstsIsSent() throws Exception {
		HttpClient http = browser();
		HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(url("/login"))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-For", "203.0.113.7")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(proxied.statusCode()).isEqualTo(200);
		assertThat(proxied.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age="));
		assertThat(proxied.headers().allValues("Set-Cookie")).anySatisfy(
				(cookie) -> assertThat(cookie).startsWith("JSESSIONID=").contains("; Secure").contains("HttpOnly"));
		assertThat(proxied.headers().firstValue("Content-Security-Policy")).hasValue(
				"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
						+ "frame-ancestors 'none'; form-action 'self'");

		HttpResponse<String> direct = browser().send(HttpRequest.newBuilder(url("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(direct.headers().allValues("Set-Cookie"))
			.allSatisfy((cookie) -> assertThat(cookie).doesNotContain("Secure"));
	}

	@Test
	void theApiAnswers401JsonWithoutCredentialsNeverARedirect() throws Exception {
		HttpClient http = browser();
		for (String path : List.of("/api/stores", "/api/thresholds", "/api/uploads")) {
			HttpResponse<String> anonymous = get(http, path);
			assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
			assertThat(anonymous.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
			JsonNode body = JSON.readTree(anonymous.body());
			assertThat(body.get("status").asInt()).isEqualTo(401);
			assertThat(body.get("error").asString()).isEqualTo("Unauthorized");
			assertThat(body.get("message").asString()).contains("Bearer");
		}
		HttpResponse<String> badToken = http.send(
				HttpRequest.newBuilder(url("/api/stores")).header("Authorization", "Bearer not-a-token").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(badToken.statusCode()).isEqualTo(401);
	}

	@Test
	void theApiTakesTheSessionCookieButUnsafeRequestsNeedTheCsrfToken(LocalAwsClients aws, LocalResources resources)
			throws Exception {
		createConfirmed(aws, resources, "scripted", NAMES.headOfficeGroup());
		HttpClient http = browser();
		signIn(http, "scripted", CHOSEN);
		String csrf = csrf(get(http, "/thresholds").body());
		String json = "{\"store\": \"Berlin\", \"lowStock\": 3}";

		HttpResponse<String> withoutToken = http.send(HttpRequest.newBuilder(url("/api/thresholds"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(withoutToken.body()).get("message").asString()).contains("CSRF");

		HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(url("/api/thresholds"))
			.header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", csrf)
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withToken.statusCode()).isEqualTo(200);

		// A bearer token needs no CSRF token (browsers never send it by themselves).
		HttpResponse<String> bearer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(url("/api/thresholds"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + tokens(aws, resources, "scripted").accessToken())
				.PUT(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(bearer.statusCode()).isEqualTo(200);
	}

	private static HttpClient browser() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> get(HttpClient http, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(HttpClient http, String path, String form) throws Exception {
		return http.send(HttpRequest.newBuilder(url(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> signIn(HttpClient http, String username, String password) throws Exception {
		String csrf = csrf(get(http, "/login").body());
		return post(http, "/login", "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf));
	}

	/** The path and query a redirect goes to. */
	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("a redirect").isEqualTo(302);
		URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
		return location.getRawPath() + ((location.getRawQuery() != null) ? "?" + location.getRawQuery() : "");
	}

	private static String csrf(String page) {
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
		return csrf.group(1);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
