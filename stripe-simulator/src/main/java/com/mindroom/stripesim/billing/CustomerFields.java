package com.mindroom.stripesim.billing;

import java.util.Map;

/**
 * The customer fields a request sets; {@code null} leaves a field as it is.
 *
 * @param email the email address
 * @param name the name
 * @param description a description
 * @param phone a phone number
 * @param metadata metadata keys to set (an empty value removes the key)
 * @param defaultPaymentMethod the payment method to charge by default
 */
public record CustomerFields(String email, String name, String description, String phone, Map<String, String> metadata,
		String defaultPaymentMethod) {

}
