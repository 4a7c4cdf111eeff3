package com.retail.inventory.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * No anonymous access to inventory data. The JSON API takes Cognito tokens as bearer
 * tokens (stateless); the web pages sign users in with their Cognito username and
 * password and keep a session. Only health probes, the login page and static styles are
 * public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	JwtDecoder cognitoJwtDecoder(DashboardProperties properties) {
		DashboardProperties.Cognito cognito = properties.cognito();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(cognito.jwks().toString()).build();
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(cognito.issuer().toString()),
						new CognitoTokenValidator(cognito.clientId())));
		return decoder;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.oauth2ResourceServer(server -> server
				// Named by username; cognito:groups become ROLE_<group> authorities.
				.jwt(jwt -> jwt.jwtAuthenticationConverter(CognitoClaims::authentication)))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Bearer tokens are not sent automatically by browsers, so CSRF cannot reach
			// this API.
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, CognitoAuthenticationProvider cognito) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/css/**", "/actuator/health", "/actuator/health/**", "/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.authenticationProvider(cognito)
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; style-src 'self'; script-src 'none'; frame-ancestors 'none'; form-action 'self'")));
		return http.build();
	}

}
