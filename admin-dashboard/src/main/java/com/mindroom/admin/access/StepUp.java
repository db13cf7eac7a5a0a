package com.mindroom.admin.access;

import com.mindroom.admin.totp.SecondFactor;
import com.mindroom.common.audit.AuditEntry.Outcome;
import com.mindroom.common.audit.AuditLog;
import com.mindroom.common.web.Problems;

import org.springframework.http.HttpStatus;

/**
 * The step-up check of destructive actions (deleting a tenant, granting admin): a fresh
 * TOTP code, never one already used, even if the session already has the second factor.
 */
public class StepUp {

	private final SecondFactor secondFactor;

	private final AuditLog audit;

	public StepUp(SecondFactor secondFactor, AuditLog audit) {
		this.secondFactor = secondFactor;
		this.audit = audit;
	}

	/**
	 * Refuses unless the code is right and unused; a refusal is audited.
	 * @param caller the admin
	 * @param code the code as typed
	 * @param action the action it was for
	 */
	public void require(Caller caller, String code, String action) {
		if (!this.secondFactor.verify(caller.accountId(), code)) {
			this.audit.record(caller.audit("admin.step_up").withOutcome(Outcome.DENIED).withDetail("for", action));
			throw Problems.of(HttpStatus.FORBIDDEN, "step-up-failed",
					"This action needs a fresh code from your authenticator app; that code was wrong or already used.");
		}
	}

}
