package com.mindroom.portal.system;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.mindroom.portal.account.Account;
import com.mindroom.portal.account.Accounts;
import com.mindroom.portal.auth.SessionTokens;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses suspended and deleted accounts (and accounts past a scheduled deletion) on
 * every route, by reading the account row on each signed-in request: an API call answers
 * 403, a browser session is ended. For browser sessions it also keeps the identity
 * provider's tokens fresh. The account it read is left in the request attribute
 * {@value #ACCOUNT} for the pages.
 */
public class AccountGate extends OncePerRequestFilter {

	/**
	 * The request attribute holding the signed-in {@link Account}.
	 */
	public static final String ACCOUNT = "mindroom.account";

	private static final List<String> STATIC = List.of("/webjars/", "/css/", "/js/", "/images/", "/favicon.ico",
			"/robots.txt", "/actuator/");

	private final Accounts accounts;

	private final SessionTokens tokens;

	private final Clock clock;

	AccountGate(Accounts accounts, SessionTokens tokens, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.clock = clock;
	}

	// static files and health probes never act for anyone: no session load, no account
	// read
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return STATIC.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Caller> caller = Callers.current();
		if (caller.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Account> account = this.accounts.find(caller.get().accountId())
			.filter((found) -> found.usable(this.clock.instant()));
		if (account.isEmpty() || (!ProblemResponses.isApi(request) && !this.tokens.keepFresh(request))) {
			refuse(request, response);
			return;
		}
		request.setAttribute(ACCOUNT, account.get());
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		SecurityContextHolder.clearContext();
		if (ProblemResponses.isApi(request)) {
			ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, "account-disabled",
					"This account is suspended or deleted.");
			return;
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		PageRedirects.send(request, response, "/auth/login?ended");
	}

}
