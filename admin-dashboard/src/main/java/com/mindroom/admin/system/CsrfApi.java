package com.mindroom.admin.system;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hands API clients the CSRF token of their session, to send in a header on writes.
 */
@RestController
@Tag(name = "Session", description = "What an API client of the dashboard session needs")
class CsrfApi {

	@GetMapping("/api/admin/csrf")
	@Operation(summary = "The CSRF token of this session and the header to send it in")
	Map<String, String> csrf(CsrfToken token) {
		return Map.of("headerName", token.getHeaderName(), "parameterName", token.getParameterName(), "token",
				token.getToken());
	}

}
