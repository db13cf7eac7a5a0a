package com.mindroom.portal.system;

import com.mindroom.portal.account.Account;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives handler methods a {@link Caller} parameter: the signed-in customer (security
 * refuses anonymous requests to such handlers before they are reached), with the email
 * the {@link AccountGate} has just read, since a confirmed email change leaves the
 * session's and the token's copy behind.
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Caller caller = Callers.current()
			.orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in to continue"));
		if (webRequest.getAttribute(AccountGate.ACCOUNT, RequestAttributes.SCOPE_REQUEST) instanceof Account account
				&& account.id().equals(caller.accountId())) {
			return new Caller(caller.accountId(), account.email());
		}
		return caller;
	}

}
