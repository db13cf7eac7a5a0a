package com.mindroom.gateway.tracing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the access log leaves out ({@code mindroom.gateway.access-log}).
 *
 * @param redactedParameters query parameters whose values are never logged (compared
 * without case; a parameter whose name contains one of these is redacted too)
 */
@ConfigurationProperties("mindroom.gateway.access-log")
public record AccessLogProperties(@DefaultValue( {
		"token", "code", "password", "secret", "key", "signature", "session", "auth", "otp", "state",
		"jwt" }) List<String> redactedParameters){

}
