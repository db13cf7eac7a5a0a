package com.mindroom.admin.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.mindroom.admin.access.AdminPrincipal;
import com.mindroom.common.audit.Actor;
import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.audit.AuditLog;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * Records a sign-out in the audit log.
 */
@Component
class SignOutAudit implements LogoutHandler {

	private final AuditLog audit;

	SignOutAudit(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof AdminPrincipal principal) {
			Client client = Client.of(request);
			this.audit
				.record(AuditEntry
					.of(new Actor((principal.stage() == AdminPrincipal.Stage.CUSTOMER) ? Actor.Type.CUSTOMER
							: Actor.Type.ADMIN, principal.accountId(), principal.email()), "admin.sign_out")
					.withTarget("account", principal.accountId())
					.withAccount(principal.accountId())
					.withClient(client.ip(), client.userAgent()));
		}
	}

}
