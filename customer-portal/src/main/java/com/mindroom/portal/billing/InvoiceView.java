package com.mindroom.portal.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import com.mindroom.common.db.Timestamps;

/**
 * An invoice as the customer sees it, with Stripe's hosted page and PDF.
 *
 * @param number the invoice number
 * @param status {@code draft}, {@code open}, {@code paid}, {@code uncollectible} or
 * {@code void}
 * @param amountDue the amount due in minor units
 * @param amountPaid the amount paid in minor units
 * @param currency the currency
 * @param hostedInvoiceUrl Stripe's page for the invoice
 * @param invoicePdfUrl the PDF
 * @param periodStart the start of the billed period
 * @param periodEnd its end
 * @param createdAt when Stripe created it
 */
public record InvoiceView(String number, String status, long amountDue, long amountPaid, String currency,
		String hostedInvoiceUrl, String invoicePdfUrl, Instant periodStart, Instant periodEnd, Instant createdAt) {

	static InvoiceView read(ResultSet rs, int row) throws SQLException {
		return new InvoiceView(rs.getString("number"), rs.getString("status"), rs.getLong("amount_due"),
				rs.getLong("amount_paid"), rs.getString("currency"), rs.getString("hosted_invoice_url"),
				rs.getString("invoice_pdf_url"), Timestamps.read(rs, "period_start"), Timestamps.read(rs, "period_end"),
				Timestamps.read(rs, "stripe_created_at"));
	}

}
