package com.mindroom.common.system;

import java.time.Clock;

import com.mindroom.common.db.TenantTransactions;
import com.mindroom.common.identity.AccountDirectory;
import com.mindroom.common.identity.BuiltInIdentityProvider;
import com.mindroom.common.identity.IdentityProperties;
import com.mindroom.common.identity.IdentityProvider;
import com.mindroom.common.identity.LoginThrottle;
import com.mindroom.common.identity.OneTimeTokens;
import com.mindroom.common.identity.SupabaseIdentityProvider;
import com.mindroom.common.notification.Notifications;
import com.mindroom.common.security.JwtIssuer;
import com.mindroom.common.security.JwtProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;

/**
 * Identity for the services that sign people in ({@code mindroom.identity.enabled=true}:
 * the portal and the admin dashboard): Supabase Auth when {@code SUPABASE_URL} is set,
 * the built-in accounts otherwise.
 */
@AutoConfiguration(after = CommonAutoConfiguration.class,
		afterName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@ConditionalOnProperty(name = "mindroom.identity.enabled", havingValue = "true")
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder(12);
	}

	@Bean
	@ConditionalOnMissingBean
	OneTimeTokens oneTimeTokens(JdbcClient jdbc) {
		return new OneTimeTokens(jdbc);
	}

	@Bean
	@ConditionalOnMissingBean
	AccountDirectory accountDirectory(JdbcClient jdbc, TenantTransactions transactions) {
		return new AccountDirectory(jdbc, transactions);
	}

	@Bean
	@ConditionalOnMissingBean
	LoginThrottle loginThrottle(JdbcClient jdbc, IdentityProperties properties) {
		return new LoginThrottle(jdbc, properties.throttle());
	}

	@Bean
	@ConditionalOnMissingBean
	IdentityProvider identityProvider(IdentityProperties properties, JdbcClient jdbc, TenantTransactions transactions,
			AccountDirectory accounts, OneTimeTokens tokens, Notifications notifications, PasswordEncoder passwords,
			JwtProperties jwt, ObjectProvider<RestClient.Builder> restClients, Clock clock) {
		if (properties.supabase()) {
			return new SupabaseIdentityProvider(restClients.getIfAvailable(RestClient::builder), properties, accounts,
					clock);
		}
		// token lifetimes follow real time, never the simulated platform clock
		return new BuiltInIdentityProvider(jdbc, transactions, accounts, tokens, notifications, passwords,
				new JwtIssuer(jwt, Clock.systemUTC()), properties);
	}

}
