package com.mindroom.portal.auth;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.mindroom.common.audit.Actor;
import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.audit.AuditEntry.Outcome;
import com.mindroom.common.audit.AuditLog;
import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.identity.IdentityException;
import com.mindroom.common.identity.IdentityException.Kind;
import com.mindroom.common.identity.IdentityProvider;
import com.mindroom.common.identity.LoginThrottle;
import com.mindroom.common.identity.Session;
import com.mindroom.portal.account.Accounts;
import com.mindroom.portal.system.PortalUser;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs customers in, for pages and the API alike: password sign-in behind the
 * database-kept throttle (per email and per client address), audited; and, for pages, the
 * browser session that follows, always a new one (no session fixation).
 */
@Component
public class SignIns {

	private final IdentityProvider identity;

	private final LoginThrottle throttle;

	private final SessionTokens tokens;

	private final SecurityContextRepository contexts;

	private final Accounts accounts;

	private final AuditLog audit;

	private final TenantTransactions transactions;

	SignIns(IdentityProvider identity, LoginThrottle throttle, SessionTokens tokens, SecurityContextRepository contexts,
			Accounts accounts, AuditLog audit, TenantTransactions transactions) {
		this.identity = identity;
		this.throttle = throttle;
		this.tokens = tokens;
		this.contexts = contexts;
		this.accounts = accounts;
		this.audit = audit;
		this.transactions = transactions;
	}

	/**
	 * Checks a password, unless the email or the client address is locked out.
	 * @param email the email
	 * @param password the password
	 * @param request the request (for the client address)
	 * @return the provider session
	 * @throws IdentityException when refused; {@link ThrottledException} when locked out
	 */
	public Session withPassword(String email, String password, HttpServletRequest request) {
		String address = request.getRemoteAddr();
		Optional<Duration> locked = this.throttle.lockedFor(email, address);
		if (locked.isPresent()) {
			throw new ThrottledException(locked.get());
		}
		try {
			Session session = this.identity.signIn(email, password);
			this.throttle.success(email);
			audited(session, "auth.sign_in", request);
			return session;
		}
		catch (IdentityException ex) {
			if (ex.kind() == Kind.INVALID_CREDENTIALS) {
				this.throttle.failure(email, address);
				this.audit.record(AuditEntry.of(Actor.anonymous(), "auth.sign_in")
					.withOutcome(Outcome.DENIED)
					.withClient(address, request.getHeader("User-Agent"))
					.withDetail("reason", ex.kind().name()));
			}
			throw ex;
		}
	}

	/**
	 * Checks a signed-in customer's current password again before a sensitive change,
	 * throttled like a sign-in.
	 * @param email the account's email
	 * @param password the password typed
	 * @param request the request
	 * @return the provider session of the check
	 * @throws IdentityException saying the current password is not correct;
	 * {@link ThrottledException} when locked out
	 */
	public Session confirmPassword(String email, String password, HttpServletRequest request) {
		try {
			return withPassword(email, password, request);
		}
		catch (IdentityException ex) {
			throw new IdentityException(ex.kind(), (ex.kind() == Kind.INVALID_CREDENTIALS)
					? "Your current password is not correct." : ex.getMessage());
		}
	}

	/**
	 * Starts a browser session for a provider session: a new HTTP session (the old one,
	 * with its CSRF token, is dropped), the security context and the provider's tokens.
	 * @param session the provider session
	 * @param request the request
	 * @param response the response
	 */
	public void startBrowserSession(Session session, HttpServletRequest request, HttpServletResponse response) {
		HttpSession old = request.getSession(false);
		if (old != null) {
			old.invalidate();
		}
		HttpSession fresh = request.getSession(true);
		PortalUser user = new PortalUser(session.accountId(), session.email());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER"))));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		this.tokens.store(fresh, session);
		this.accounts.acceptTerms(session.accountId());
	}

	void audited(Session session, String action, HttpServletRequest request) {
		this.transactions.asAccount(session.accountId(),
				() -> this.audit.record(AuditEntry.of(Actor.customer(session.accountId(), session.email()), action)
					.withAccount(session.accountId())
					.withTarget("account", session.accountId())
					.withClient(request.getRemoteAddr(), request.getHeader("User-Agent"))));
	}

	/**
	 * Sign-in is locked for the email or the client address.
	 */
	public static class ThrottledException extends RuntimeException {

		private final Duration retryAfter;

		ThrottledException(Duration retryAfter) {
			super("Too many failed sign-in attempts. Try again in " + Math.max(1, retryAfter.toMinutes() + 1)
					+ " minutes, or reset your password.");
			this.retryAfter = retryAfter;
		}

		public Duration retryAfter() {
			return this.retryAfter;
		}

	}

}
