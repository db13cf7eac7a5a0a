package com.mindroom.admin.system;

import jakarta.servlet.DispatcherType;

import com.mindroom.admin.access.AdminSessions;
import com.mindroom.admin.access.AdminPrincipal.Stage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Deny by default: every dashboard page and API call needs an admin who has given both
 * factors in this session. Anonymous visitors are sent to sign in (the API answers 401),
 * an admin who still owes the code to the code step, anyone else gets 403. Sessions get a
 * new id at every sign-in step; every form and API write carries a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	RequestCache requestCache() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setMatchingRequestParameterName(null);
		cache.setRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/admin/**"));
		return cache;
	}

	@Bean
	SecurityFilterChain adminSecurity(HttpSecurity http, SecurityContextRepository contexts, RequestCache requests,
			AccessHandlers handlers, LogoutHandler signOutAudit, JdbcClient jdbc, AdminSessions sessions) {
		http.securityContext((context) -> context.securityContextRepository(contexts))
			.requestCache((cache) -> cache.requestCache(requests))
			.authorizeHttpRequests(
					(authorize) -> authorize.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
						.permitAll()
						.requestMatchers("/admin/assets/**", "/admin/webjars/**", "/error", "/actuator/health",
								"/actuator/health/**", "/actuator/prometheus")
						.permitAll()
						.requestMatchers("/admin/login", "/admin/enrol", "/admin/enrol/start")
						.permitAll()
						.requestMatchers("/admin/login/totp", "/admin/login/recovery")
						.hasAuthority(Stage.PASSWORD.authority())
						.requestMatchers("/admin", "/admin/**", "/api/admin/**")
						.hasAuthority(Stage.ADMIN.authority())
						.anyRequest()
						.denyAll())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.logout((logout) -> logout.logoutUrl("/admin/logout")
				.addLogoutHandler(signOutAudit)
				.logoutSuccessUrl("/admin/login?signedOut"))
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.addFilterBefore(new ActiveAdminFilter(jdbc, sessions), AnonymousAuthenticationFilter.class);
		return http.build();
	}

}
