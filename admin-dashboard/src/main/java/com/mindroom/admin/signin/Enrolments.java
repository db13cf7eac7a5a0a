package com.mindroom.admin.signin;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import com.mindroom.admin.access.AdminPrincipal;
import com.mindroom.admin.system.AdminProperties;
import com.mindroom.admin.totp.QrCode;
import com.mindroom.admin.totp.SecondFactor;
import com.mindroom.admin.totp.Totp;
import com.mindroom.common.audit.Actor;
import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.audit.AuditLog;
import com.mindroom.common.identity.AccountDirectory;
import com.mindroom.common.identity.AccountDirectory.Credentials;
import com.mindroom.common.identity.OneTimeTokens;
import com.mindroom.common.security.SecretBox;

import org.springframework.stereotype.Component;

/**
 * Enrolling an admin's second factor: a new secret shown as a QR code, confirmed by a
 * first code from the app, then recovery codes shown once. It starts either on the first
 * sign-in of an admin without one, or from a one-time enrolment link (the operator
 * command prints one).
 */
@Component
class Enrolments {

	static final String TOKEN_PURPOSE = "admin_enrolment";

	private final Totp totp;

	private final SecretBox box;

	private final SecondFactor secondFactor;

	private final OneTimeTokens tokens;

	private final AccountDirectory accounts;

	private final AuditLog audit;

	private final AdminProperties properties;

	Enrolments(Totp totp, SecretBox box, SecondFactor secondFactor, OneTimeTokens tokens, AccountDirectory accounts,
			AuditLog audit, AdminProperties properties) {
		this.totp = totp;
		this.box = box;
		this.secondFactor = secondFactor;
		this.tokens = tokens;
		this.accounts = accounts;
		this.audit = audit;
		this.properties = properties;
	}

	PendingEnrolment begin(AdminPrincipal principal) {
		return new PendingEnrolment(principal.accountId(), principal.email(), this.box.seal(this.totp.newSecret()));
	}

	/**
	 * Uses up an enrolment link's token.
	 * @param token the token from the link
	 * @return the enrolment it opens, when the token was valid and its account is an
	 * active admin
	 */
	Optional<PendingEnrolment> redeem(String token) {
		return this.tokens.consume(token, TOKEN_PURPOSE)
			.flatMap(this.accounts::findById)
			.filter((account) -> account.admin() && account.active())
			.map((account) -> new PendingEnrolment(account.id(), account.email(),
					this.box.seal(this.totp.newSecret())));
	}

	String qrCode(PendingEnrolment pending) {
		return QrCode.svg(
				Totp.otpauthUri(this.properties.issuer(), pending.email(), this.box.open(pending.sealedSecret())), 220);
	}

	String secretText(PendingEnrolment pending) {
		return Totp.base32(this.box.open(pending.sealedSecret())).replaceAll("(.{4})(?!$)", "$1 ");
	}

	/**
	 * Confirms the enrolment with the first code from the app.
	 * @param pending the enrolment
	 * @param code the code
	 * @param client where the request comes from
	 * @return the recovery codes, or empty when the code was wrong
	 */
	Optional<List<String>> confirm(PendingEnrolment pending, String code, Client client) {
		byte[] secret = this.box.open(pending.sealedSecret());
		OptionalLong step = this.totp.match(secret, code);
		Optional<Credentials> account = this.accounts.findById(pending.accountId())
			.filter((found) -> found.admin() && found.active());
		if (step.isEmpty() || account.isEmpty()) {
			return Optional.empty();
		}
		List<String> codes = this.secondFactor.enrol(pending.accountId(), secret, step.getAsLong());
		this.audit.record(AuditEntry.of(Actor.admin(pending.accountId(), pending.email()), "admin.totp_enrolled")
			.withTarget("account", pending.accountId())
			.withAccount(pending.accountId())
			.withClient(client.ip(), client.userAgent()));
		return Optional.of(codes);
	}

}
