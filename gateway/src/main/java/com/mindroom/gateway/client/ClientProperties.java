package com.mindroom.gateway.client;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway tells who is calling ({@code mindroom.gateway.client}).
 *
 * @param trustedProxies CIDR ranges (or single addresses) of the proxies in front of the
 * gateway whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed
 * @param strippedHeaders request headers never passed on, because a client could use them
 * to pose as someone else; a trailing {@code *} matches a prefix
 */
@ConfigurationProperties("mindroom.gateway.client")
public record ClientProperties(@DefaultValue List<String> trustedProxies, @DefaultValue( {
		"X-Account-Id", "X-User-Id", "X-User-Email", "X-Admin", "X-Roles", "X-Forwarded-User", "X-Forwarded-Email",
		"X-Forwarded-Groups", "X-Forwarded-Preferred-Username", "X-Forwarded-Access-Token", "X-Auth-Request-*",
		"X-Remote-User", "Remote-User", "X-Authenticated-User", "X-Internal-*", "X-Real-IP", "X-Client-IP",
		"True-Client-IP", "CF-Connecting-IP", "X-Original-URL", "X-Rewrite-URL", "X-Original-Forwarded-For",
		"X-Forwarded-Prefix", "X-Forwarded-Port", "Forwarded" }) List<String> strippedHeaders){

}
