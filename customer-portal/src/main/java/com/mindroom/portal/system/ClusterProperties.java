package com.mindroom.portal.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the portal knows of the cluster ({@code mindroom.cluster}).
 *
 * @param simulated whether instances run on a simulated Kubernetes API (the local run),
 * which the dashboard says plainly
 */
@ConfigurationProperties("mindroom.cluster")
public record ClusterProperties(boolean simulated) {

}
