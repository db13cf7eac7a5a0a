package com.mindroom.admin.system;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import com.mindroom.admin.access.AdminPrincipal;
import com.mindroom.admin.access.AdminPrincipal.Stage;
import com.mindroom.admin.access.AdminSessions;
import com.mindroom.common.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * What a refused request gets: pages redirect to the step still missing (sign-in or the
 * code) or show a 403 page; the JSON API answers problem details (401 when sign-in or the
 * second factor is missing, 403 otherwise).
 */
@Component
class AccessHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String FORBIDDEN_MESSAGE = AccessHandlers.class.getName() + ".message";

	private final RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/admin/**");

	private final AdminSessions sessions;

	private final RequestCache requests;

	private final JsonMapper json;

	AccessHandlers(AdminSessions sessions, RequestCache requests, JsonMapper json) {
		this.sessions = sessions;
		this.requests = requests;
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (this.api.matches(request)) {
			problem(response, HttpStatus.UNAUTHORIZED, "sign-in-required",
					"Sign in to the admin dashboard first: the API uses the dashboard's session.");
			return;
		}
		response.sendRedirect(request.getContextPath() + "/admin/login");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException, ServletException {
		AdminPrincipal principal = this.sessions.current();
		boolean api = this.api.matches(request);
		if (ex instanceof CsrfException) {
			String detail = "The form expired or did not come from the dashboard. Reload the page and try again.";
			forbidden(request, response, api, "csrf", detail);
		}
		else if (principal != null && principal.stage() == Stage.PASSWORD) {
			if (api) {
				problem(response, HttpStatus.UNAUTHORIZED, "second-factor-required",
						"Finish signing in with the code from your authenticator app.");
				return;
			}
			this.requests.saveRequest(request, response);
			response.sendRedirect(request.getContextPath() + "/admin/login/totp");
		}
		else {
			String who = (principal != null) ? "The account " + principal.email() + " is not an administrator."
					: "You may not open this.";
			forbidden(request, response, api, "forbidden", who);
		}
	}

	private void forbidden(HttpServletRequest request, HttpServletResponse response, boolean api, String slug,
			String detail) throws IOException, ServletException {
		if (api) {
			problem(response, HttpStatus.FORBIDDEN, slug, detail);
			return;
		}
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		request.setAttribute(FORBIDDEN_MESSAGE, detail);
		request.getRequestDispatcher("/admin/forbidden").forward(request, response);
	}

	private void problem(HttpServletResponse response, HttpStatus status, String slug, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(this.json.writeValueAsString(Problems.problem(status, slug, detail)));
	}

}
