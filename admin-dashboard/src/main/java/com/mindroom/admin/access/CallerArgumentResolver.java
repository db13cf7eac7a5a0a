package com.mindroom.admin.access;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives controller methods a {@link Caller} parameter: the fully signed-in admin of the
 * request. Security has already refused everyone else on the routes that take one.
 */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof AdminPrincipal principal)
				|| principal.stage() != AdminPrincipal.Stage.ADMIN) {
			throw new IllegalStateException("An admin route ran without a signed-in admin");
		}
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		return new Caller(principal.accountId(), principal.email(), request.getRemoteAddr(),
				request.getHeader(HttpHeaders.USER_AGENT));
	}

}
