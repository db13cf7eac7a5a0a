package com.mindroom.stripe.billing;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.stripe.model.Invoice;

import com.mindroom.common.notification.Notification;
import com.mindroom.common.notification.Notifications;
import com.mindroom.common.plan.Plan;
import com.mindroom.common.plan.PlanCatalog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Queues the billing emails in the outbox, in the applying transaction; dedupe keys make
 * one invoice or one subscription one message however often Stripe repeats itself.
 */
@Component
class BillingNotices {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy 'UTC'", Locale.US)
		.withZone(ZoneOffset.UTC);

	private final Notifications notifications;

	private final PlanCatalog plans;

	private final AccountLinks accounts;

	private final String billingUrl;

	BillingNotices(Notifications notifications, PlanCatalog plans, AccountLinks accounts,
			@Value("${mindroom.public-url}") String publicUrl) {
		this.notifications = notifications;
		this.plans = plans;
		this.accounts = accounts;
		this.billingUrl = publicUrl.replaceAll("/+$", "") + "/app/billing";
	}

	void paymentFailed(UUID accountId, Invoice invoice, boolean actionRequired) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("invoiceNumber", invoice.getNumber());
		params.put("amountDue", invoice.getAmountDue());
		params.put("currency", invoice.getCurrency());
		params.put("amount", amount(invoice.getAmountDue(), invoice.getCurrency()));
		params.put("hostedInvoiceUrl", invoice.getHostedInvoiceUrl());
		params.put("actionRequired", actionRequired);
		params.put("billingUrl", this.billingUrl);
		String subject = actionRequired ? "Please confirm your MindRoom payment"
				: "Your MindRoom payment did not go through";
		String key = (actionRequired ? "payment_action_required:" : "payment_failed:") + invoice.getId();
		enqueue(accountId, "payment_failed", subject, params, key);
	}

	void trialWillEnd(UUID accountId, SubscriptionRow subscription) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("plan", planName(subscription.plan()));
		params.put("trialEnd", day(subscription.trialEnd()));
		params.put("billingUrl", this.billingUrl);
		enqueue(accountId, "trial_will_end", "Your MindRoom trial ends soon", params,
				"trial_will_end:" + subscription.stripeId());
	}

	void canceled(UUID accountId, SubscriptionRow subscription, Instant dataKeptUntil) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("plan", planName(subscription.plan()));
		params.put("endedAt", day(subscription.endedAt()));
		params.put("dataKeptUntil", day(dataKeptUntil));
		params.put("billingUrl", this.billingUrl);
		enqueue(accountId, "subscription_canceled", "Your MindRoom subscription was canceled", params,
				"subscription_canceled:" + subscription.stripeId());
	}

	/**
	 * Formats an amount in minor units for people ({@code $29.00}).
	 */
	static String amount(Long minorUnits, String currency) {
		if (minorUnits == null || currency == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		Currency unit = Currency.getInstance(currency.toUpperCase(Locale.ROOT));
		format.setCurrency(unit);
		format.setMinimumFractionDigits(unit.getDefaultFractionDigits());
		format.setMaximumFractionDigits(unit.getDefaultFractionDigits());
		return format.format(BigDecimal.valueOf(minorUnits, unit.getDefaultFractionDigits()));
	}

	/**
	 * Formats a moment as the day people read in an email ({@code June 1, 2026 UTC}).
	 */
	static String day(Instant instant) {
		return (instant != null) ? DAY.format(instant) : "";
	}

	private String planName(String planId) {
		return this.plans.find(planId).map(Plan::name).orElse(planId);
	}

	private void enqueue(UUID accountId, String template, String subject, Map<String, Object> params, String key) {
		this.notifications
			.enqueue(new Notification(accountId, this.accounts.email(accountId), template, subject, params, key));
	}

}
