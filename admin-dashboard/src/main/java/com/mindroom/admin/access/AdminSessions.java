package com.mindroom.admin.access;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Starts, raises and ends dashboard sessions. Every change of who is signed in, or how
 * far, gets a new session id (session fixation protection); ending an account's admin
 * rights ends all its sessions.
 */
public class AdminSessions {

	private static final Logger logger = LoggerFactory.getLogger(AdminSessions.class);

	private final SecurityContextRepository contexts;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	public AdminSessions(SecurityContextRepository contexts,
			FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.contexts = contexts;
		this.sessions = sessions;
	}

	/**
	 * Signs the request's session in as the principal, under a new session id.
	 * @param principal who, and how far
	 * @param request the request
	 * @param response the response
	 */
	public void establish(AdminPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
		request.getSession(true);
		request.changeSessionId();
		Authentication authentication = principal.authentication();
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(authentication);
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	/**
	 * Ends the request's session.
	 * @param request the request
	 */
	public void end(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		this.holder.clearContext();
	}

	/**
	 * Ends every session of an account (its admin rights were revoked or it was
	 * suspended).
	 * @param accountId the account
	 * @return how many sessions were ended
	 */
	public int endAll(UUID accountId) {
		var found = this.sessions.findByPrincipalName(accountId.toString()).keySet();
		found.forEach(this.sessions::deleteById);
		if (!found.isEmpty()) {
			logger.info("Ended {} dashboard session(s) of account {}", found.size(), accountId);
		}
		return found.size();
	}

	/**
	 * The principal of the current request, if someone is signed in.
	 * @return the principal or {@code null}
	 */
	public AdminPrincipal current() {
		Authentication authentication = this.holder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof AdminPrincipal principal) ? principal
				: null;
	}

}
