package com.retail.inventory.dashboard;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * No anonymous access to inventory data, and none for users in no dashboard group (see
 * {@link StoreAccess}). The JSON API takes a Cognito ID or access token as a bearer token
 * or the web session's cookie (for the pages' JavaScript); the pages sign users in with
 * their Cognito username and password (with Cognito's challenges, see
 * {@link SignInController}) and keep a session that lives only as long as Cognito agrees
 * ({@link CognitoSessionFilter}). Only health probes, the sign-in pages and static files
 * are public, and Prometheus' scrape endpoint on the separate management port only
 * ({@link ManagementPort}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Pages run only the dashboard's own scripts and styles. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'";

	/** How long the signing keys' endpoint may take to accept a connection. */
	static final Duration JWKS_CONNECT_TIMEOUT = Duration.ofSeconds(2);

	/** How long the signing keys' endpoint may take to answer. */
	static final Duration JWKS_READ_TIMEOUT = Duration.ofSeconds(5);

	@Bean
	JwtDecoder cognitoJwtDecoder(DashboardProperties properties) {
		DashboardProperties.Cognito cognito = properties.cognito();
		// Nimbus' default timeouts (500 ms) turn one slow answer of the key endpoint into
		// a
		// failed request; the keys are cached, so a longer wait is rare and short.
		SimpleClientHttpRequestFactory keysHttp = new SimpleClientHttpRequestFactory();
		keysHttp.setConnectTimeout(JWKS_CONNECT_TIMEOUT);
		keysHttp.setReadTimeout(JWKS_READ_TIMEOUT);
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(cognito.jwks().toString())
			.restOperations(new RestTemplate(keysHttp))
			.build();
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(cognito.issuer().toString()),
						new CognitoTokenValidator(cognito.clientId())));
		return new VerifiedTokens(decoder, Clock.systemUTC());
	}

	/**
	 * Static files need no session and may be kept by browsers (revalidated each time,
	 * see {@code spring.web.resources.cache}): without this chain Spring Security marks
	 * them {@code no-store}, and every page would download the chart library again.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain staticFiles(HttpSecurity http) throws Exception {
		http.securityMatcher("/css/**", "/js/**", "/webjars/**", "/favicon.ico")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.cacheControl(cache -> cache.disable())
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	/**
	 * The actuator: health for the probes; {@code /actuator/prometheus} for scrapers only
	 * on the separate management port (9090 in the chart, reached only by the cluster's
	 * Prometheus; the ALB sends the internet to the app port); everything else, and
	 * Prometheus on the app port, only with a head office user's bearer token (401 JSON
	 * without one, like the API). Boot applies these chains on the management port too,
	 * see {@link ManagementPort}.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain actuator(HttpSecurity http, ManagementPort managementPort, CognitoUsers users,
			StoreAccessRules rules) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> ApiErrors.write(response,
				HttpStatus.UNAUTHORIZED, ApiErrors.SIGN_IN);
		AccessDeniedHandler headOfficeOnly = (request, response, ex) -> ApiErrors.write(response, HttpStatus.FORBIDDEN,
				"The actuator is for head office (Cognito group " + rules.headOfficeGroup() + ")");
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers(new AndRequestMatcher(managementPort,
						PathPatternRequestMatcher.withDefaults().matcher("/actuator/prometheus")))
				.permitAll()
				.anyRequest()
				.hasRole(rules.headOfficeGroup()))
			.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(users::bearer))
				.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(headOfficeOnly))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(
					errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(headOfficeOnly))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, CognitoUsers users, StoreAccessRules rules,
			CognitoIdentityProviderClient cognito, DashboardProperties properties) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> ApiErrors.write(response,
				HttpStatus.UNAUTHORIZED, ApiErrors.SIGN_IN);
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(
					requests -> requests.anyRequest().hasAnyRole(rules.headOfficeGroup(), rules.storeManagersGroup()))
			.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(users::bearer))
				.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(new DashboardAccessDeniedHandler()))
			// A bearer token or the web session; the API never starts a session itself.
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache(cache -> cache.disable())
			.addFilterAfter(sessionFilter(cognito, users, properties), SecurityContextHolderFilter.class)
			.exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(new DashboardAccessDeniedHandler()))
			// Browsers send the session cookie by themselves, so unsafe requests with it
			// need the CSRF token; bearer tokens are never sent automatically.
			.csrf(csrf -> csrf.ignoringRequestMatchers((request) -> {
				String authorization = request.getHeader("Authorization");
				return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
			}))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain web(HttpSecurity http, CognitoAuthenticationProvider provider, CognitoUsers users,
			StoreAccessRules rules, CognitoIdentityProviderClient cognito, DashboardProperties properties)
			throws Exception {
		http.authorizeHttpRequests(requests -> requests
			// Forwards to the 403 page and error pages were authorized already.
			.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
			.permitAll()
			.requestMatchers("/login", "/login/new-password", "/login/mfa", "/error")
			.permitAll()
			// Users in no group may still sign out and see why they are refused.
			.requestMatchers("/logout", ForbiddenController.PATH)
			.authenticated()
			.anyRequest()
			.hasAnyRole(rules.headOfficeGroup(), rules.storeManagersGroup()))
			.authenticationProvider(provider)
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler(new SignInFailureHandler()))
			.logout(logout -> logout.addLogoutHandler(new CognitoSignOutHandler(cognito))
				.logoutSuccessUrl("/login?logout"))
			.addFilterAfter(sessionFilter(cognito, users, properties), SecurityContextHolderFilter.class)
			.exceptionHandling(errors -> errors.accessDeniedHandler(new DashboardAccessDeniedHandler()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	/** Not a bean: a Filter bean would also run outside the security chains. */
	private static CognitoSessionFilter sessionFilter(CognitoIdentityProviderClient cognito, CognitoUsers users,
			DashboardProperties properties) {
		return new CognitoSessionFilter(cognito, users, properties.cognito().clientId(), properties.sessionCheck());
	}

}
