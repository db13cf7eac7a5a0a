package com.mindroom.portal.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import com.mindroom.common.db.Timestamps;

/**
 * A customer's account as the portal shows it (no credentials).
 *
 * @param id the account id
 * @param email the email
 * @param name the display name
 * @param status {@code active}, {@code suspended} or {@code deleted}
 * @param createdAt when it was created
 * @param emailVerified whether the email is confirmed
 * @param stripeCustomerId the Stripe customer, once there is one
 * @param consentTermsAt when the terms were accepted
 * @param consentMarketing whether marketing email is wanted
 * @param consentProductUpdates whether product update email is wanted
 * @param deletionRequestedAt when a deletion was requested, if one is scheduled
 * @param deletionScheduledFor when the scheduled deletion takes effect
 */
public record Account(UUID id, String email, String name, String status, Instant createdAt, boolean emailVerified,
		String stripeCustomerId, Instant consentTermsAt, boolean consentMarketing, boolean consentProductUpdates,
		Instant deletionRequestedAt, Instant deletionScheduledFor) {

	static final String COLUMNS = """
			id, email, name, status, created_at, email_verified_at is not null as email_verified, stripe_customer_id,
			consent_terms_at, consent_marketing, consent_product_updates, deletion_requested_at, deletion_scheduled_for
			""";

	/**
	 * Whether the account may use the portal now: active, and not past a scheduled
	 * deletion.
	 * @param now the current time
	 * @return whether it may
	 */
	public boolean usable(Instant now) {
		return "active".equals(this.status)
				&& (this.deletionScheduledFor == null || now.isBefore(this.deletionScheduledFor));
	}

	public boolean deletionScheduled() {
		return this.deletionScheduledFor != null;
	}

	/**
	 * The name to greet the customer with.
	 * @return the name, or the email when no name is set
	 */
	public String displayName() {
		return this.name.isBlank() ? this.email : this.name;
	}

	static Account read(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
				rs.getString("status"), Timestamps.read(rs, "created_at"), rs.getBoolean("email_verified"),
				rs.getString("stripe_customer_id"), Timestamps.read(rs, "consent_terms_at"),
				rs.getBoolean("consent_marketing"), rs.getBoolean("consent_product_updates"),
				Timestamps.read(rs, "deletion_requested_at"), Timestamps.read(rs, "deletion_scheduled_for"));
	}

}
