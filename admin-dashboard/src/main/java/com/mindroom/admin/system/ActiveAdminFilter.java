package com.mindroom.admin.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.admin.access.AdminPrincipal;
import com.mindroom.admin.access.AdminPrincipal.Stage;
import com.mindroom.admin.access.AdminSessions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-checks on every request that a signed-in admin still is one and is active: admin
 * rights revoked or an account suspended takes effect on the next click, not at the next
 * sign-in.
 */
class ActiveAdminFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(ActiveAdminFilter.class);

	private final JdbcClient jdbc;

	private final AdminSessions sessions;

	ActiveAdminFilter(JdbcClient jdbc, AdminSessions sessions) {
		this.jdbc = jdbc;
		this.sessions = sessions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		AdminPrincipal principal = this.sessions.current();
		if (principal != null && principal.stage() != Stage.CUSTOMER && !stillAdmin(principal)) {
			logger.info("Ending the dashboard session of {}: no longer an active admin", principal.accountId());
			this.sessions.end(request);
		}
		chain.doFilter(request, response);
	}

	private boolean stillAdmin(AdminPrincipal principal) {
		return this.jdbc.sql("select is_admin and status = 'active' from accounts where id = ?")
			.param(principal.accountId())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

}
