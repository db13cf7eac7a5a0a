package com.mindroom.admin.operator;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.admin.system.AdminProperties;
import com.mindroom.admin.totp.SecondFactor;
import com.mindroom.common.audit.Actor;
import com.mindroom.common.audit.AuditEntry;
import com.mindroom.common.audit.AuditLog;
import com.mindroom.common.identity.AccountDirectory;
import com.mindroom.common.identity.AccountDirectory.Credentials;
import com.mindroom.common.identity.EmailAddresses;
import com.mindroom.common.identity.IdentityException;
import com.mindroom.common.identity.IdentityProperties;
import com.mindroom.common.identity.OneTimeTokens;
import com.mindroom.common.security.SecretBox;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code create-admin --email=<email> [--name=<name>] [--reset-totp]}: creates the
 * account (built-in identity, with a generated password printed once) or promotes an
 * existing one, marks its email confirmed, makes it an admin, and prints a one-time link
 * to enrol the second factor. Running it again is harmless: it prints a new link while no
 * second factor is enrolled, and {@code --reset-totp} replaces an enrolled one. Audited
 * as the operator.
 */
class CreateAdminCommand implements ApplicationRunner, ExitCodeGenerator {

	private static final Logger logger = LoggerFactory.getLogger(CreateAdminCommand.class);

	private final JdbcClient jdbc;

	private final AccountDirectory accounts;

	private final PasswordEncoder passwords;

	private final OneTimeTokens tokens;

	private final SecondFactor secondFactor;

	private final SecretBox box;

	private final AuditLog audit;

	private final AdminProperties properties;

	private final IdentityProperties identity;

	private final TransactionTemplate transactions;

	private final PrintStream out;

	private int exitCode;

	CreateAdminCommand(JdbcClient jdbc, AccountDirectory accounts, PasswordEncoder passwords, OneTimeTokens tokens,
			SecondFactor secondFactor, SecretBox box, AuditLog audit, AdminProperties properties,
			IdentityProperties identity, PlatformTransactionManager transactionManager, PrintStream operatorOutput) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwords = passwords;
		this.tokens = tokens;
		this.secondFactor = secondFactor;
		this.box = box;
		this.audit = audit;
		this.properties = properties;
		this.identity = identity;
		this.transactions = new TransactionTemplate(transactionManager);
		this.out = operatorOutput;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> emails = args.getOptionValues("email");
		if (emails == null || emails.size() != 1) {
			usage("Give exactly one --email.");
			return;
		}
		String email;
		try {
			email = EmailAddresses.normalize(emails.get(0));
		}
		catch (IdentityException ex) {
			usage(ex.getMessage());
			return;
		}
		List<String> names = args.getOptionValues("name");
		String name = (names != null && !names.isEmpty()) ? names.get(0).trim() : "";
		this.exitCode = this.transactions
			.execute((status) -> createOrPromote(email, name, args.containsOption("reset-totp")));
	}

	private int createOrPromote(String email, String name, boolean resetSecondFactor) {
		Actor operator = Actor.operator(System.getProperty("user.name", "operator"));
		Optional<Credentials> existing = this.accounts.findByEmail(email);
		String password = null;
		UUID id;
		if (existing.isPresent()) {
			if (!existing.get().active()) {
				this.out.println("error: the account " + email + " is " + existing.get().status()
						+ "; make it active in the dashboard first.");
				return 1;
			}
			id = existing.get().id();
			promote(id, operator, existing.get().admin());
		}
		else if (this.identity.supabase()) {
			this.out.println("error: no account " + email + " yet. With Supabase Auth the user must exist there first: "
					+ "sign up in the portal (or add the user in Supabase and sign in once), then run this again.");
			return 1;
		}
		else {
			password = this.box.randomSecret(18);
			id = create(email, name, password, operator);
		}
		if (resetSecondFactor) {
			this.secondFactor.reset(id);
			record(operator, "admin.totp_reset", id);
		}
		print(email, password, id);
		return 0;
	}

	private UUID create(String email, String name, String password, Actor operator) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into accounts (id, email, name, password_hash, email_verified_at, is_admin)
				values (?, ?, ?, ?, now(), true)
				""").params(id, email, name, this.passwords.encode(password)).update();
		record(operator, "account.created", id);
		record(operator, "account.admin_granted", id);
		logger.info("Operator created admin account {}", id);
		return id;
	}

	private void promote(UUID id, Actor operator, boolean alreadyAdmin) {
		this.jdbc.sql(
				"update accounts set is_admin = true, email_verified_at = coalesce(email_verified_at, now()) where id = ?")
			.param(id)
			.update();
		if (!alreadyAdmin) {
			record(operator, "account.admin_granted", id);
			logger.info("Operator made account {} an admin", id);
		}
	}

	private void print(String email, String password, UUID id) {
		this.out.println("admin-email: " + email);
		if (password != null) {
			this.out.println("admin-password: " + password);
			this.out.println("# the password is shown only now: keep it in a password manager "
					+ "(if lost, use the portal's password reset for this email)");
		}
		if (this.secondFactor.enrolled(id)) {
			this.out.println("# a second factor is already enrolled; run again with --reset-totp to replace it");
			return;
		}
		String token = this.tokens.issue(id, "admin_enrolment", this.properties.enrolmentTtl());
		this.out.println("enrolment-link: " + this.properties.link("/admin/enrol?token=" + token));
		this.out.println("# the link works once, for " + this.properties.enrolmentTtl().toHours()
				+ " hours: open it, scan the QR code, then sign in at " + this.properties.link("/admin/login"));
	}

	private void record(Actor operator, String action, UUID id) {
		this.audit.record(AuditEntry.of(operator, action)
			.withTarget("account", id)
			.withAccount(id)
			.withReason("create-admin command"));
	}

	private void usage(String problem) {
		this.out.println("error: " + problem);
		this.out.println("usage: create-admin --email=<email> [--name=<name>] [--reset-totp]");
		this.exitCode = 2;
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
