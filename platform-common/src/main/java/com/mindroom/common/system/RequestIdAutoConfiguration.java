package com.mindroom.common.system;

import jakarta.servlet.Filter;

import com.mindroom.common.web.RequestIdFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Gives every servlet service the request id filter, so the gateway's
 * {@code X-Request-Id} appears in its logs (the pattern in {@code mindroom-common.yml}
 * prints it).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Filter.class)
public class RequestIdAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RequestIdFilter requestIdFilter() {
		return new RequestIdFilter();
	}

}
