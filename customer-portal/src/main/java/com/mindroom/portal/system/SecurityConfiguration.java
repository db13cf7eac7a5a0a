package com.mindroom.portal.system;

import java.time.Clock;

import com.mindroom.portal.account.Accounts;
import com.mindroom.portal.auth.SessionTokens;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Two filter chains. The JSON API ({@code /api/v1/**}) takes bearer JWTs verified by the
 * platform's decoder, keeps no session and needs no CSRF token. The pages sign in through
 * the portal's own controller into a server-side session (Spring Session in PostgreSQL),
 * with CSRF on every form and the Content-Security-Policy the gateway also sends. Both
 * refuse disabled accounts ({@link AccountGate}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	private static final String[] PUBLIC_PAGES = { "/", "/auth/**", "/app/mailbox", "/webjars/**", "/css/**", "/js/**",
			"/images/**", "/favicon.ico", "/robots.txt", "/error", "/actuator/health", "/actuator/health/**",
			"/actuator/prometheus", "/actuator/info" };

	private static final String[] PUBLIC_API = { "/api/v1/auth/**", "/api/v1/openapi", "/api/v1/openapi/**",
			"/api/v1/docs", "/api/v1/docs/**", "/api/v1/swagger-ui/**" };

	@Bean
	AccountGate accountGate(Accounts accounts, SessionTokens tokens, Clock clock) {
		return new AccountGate(accounts, tokens, clock);
	}

	// the gate runs inside the security chains only, never as a servlet filter of its own
	@Bean
	FilterRegistrationBean<AccountGate> accountGateRegistration(AccountGate gate) {
		FilterRegistrationBean<AccountGate> registration = new FilterRegistrationBean<>(gate);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, AccountGate gate, PortalProperties properties) {
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> ProblemResponses.write(request, response,
				HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in: send a valid bearer access token.");
		AccessDeniedHandler denied = (request, response, ex) -> ProblemResponses.write(request, response,
				HttpStatus.FORBIDDEN, "forbidden", "You may not do this.");
		http.securityMatcher("/api/v1/**")
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(PUBLIC_API).permitAll().anyRequest().authenticated())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(denied))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(denied))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(properties.contentSecurityPolicy())))
			.addFilterAfter(gate, AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageChain(HttpSecurity http, AccountGate gate, PortalProperties properties,
			SecurityContextRepository contexts, LogoutHandler identitySignOut) {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers(PUBLIC_PAGES).permitAll().anyRequest().authenticated())
			.securityContext((context) -> context.securityContextRepository(contexts))
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(new SignInEntryPoint()))
			.logout((logout) -> logout.logoutUrl("/auth/logout")
				.addLogoutHandler(identitySignOut)
				.logoutSuccessUrl("/auth/login?signedout"))
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(properties.contentSecurityPolicy())))
			.addFilterAfter(gate, AuthorizationFilter.class);
		return http.build();
	}

}
