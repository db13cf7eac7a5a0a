package com.mindroom.common.instance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where instances are reached ({@code mindroom.instances}).
 *
 * @param baseDomain the domain under which each instance gets
 * {@code <slug>.<base-domain>} (and {@code <slug>-matrix.<base-domain>} for its
 * homeserver), so one wildcard certificate covers all
 * @param scheme the URL scheme instances are served with
 */
@ConfigurationProperties("mindroom.instances")
public record InstanceProperties(@DefaultValue("mindroom.localhost") String baseDomain,
		@DefaultValue("https") String scheme) {

	public String url(String slug) {
		return this.scheme + "://" + slug + "." + this.baseDomain;
	}

	public String matrixUrl(String slug) {
		return this.scheme + "://" + slug + "-matrix." + this.baseDomain;
	}

}
