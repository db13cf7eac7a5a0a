package com.mindroom.portal.system;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web MVC settings: the {@link Caller} parameter of handler methods and the portal's
 * settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PortalProperties.class, ClusterProperties.class })
class WebConfiguration implements WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
	}

}
