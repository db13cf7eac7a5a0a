package com.mindroom.provisioner.chart;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The instance chart and the platform-wide values every tenant gets
 * ({@code mindroom.provisioner.chart}). A blank value leaves the chart's own default.
 *
 * @param path a directory holding the chart (blank: the chart packaged in this service)
 * @param kubeVersion the Kubernetes version the chart is rendered for
 * @param image the MindRoom image repository
 * @param imageTag the MindRoom image tag (never {@code latest})
 * @param matrixImage the Matrix homeserver image repository
 * @param matrixImageTag the Matrix homeserver image tag
 * @param ingressClass the ingress class of the instances' Ingress
 * @param clusterIssuer the cert-manager cluster issuer of the instances' certificates
 * @param wildcardSecret a wildcard certificate Secret present in every tenant namespace,
 * used instead of cert-manager
 * @param storageClass the storage class of the instances' volumes
 * @param platformNamespace the namespace of the platform, whose provisioner may reach the
 * instances' health and usage endpoints
 * @param ingressControllerNamespace the namespace of the ingress controller
 */
@ConfigurationProperties("mindroom.provisioner.chart")
public record ChartProperties(String path, @DefaultValue("1.31.0") String kubeVersion, String image, String imageTag,
		String matrixImage, String matrixImageTag, String ingressClass, String clusterIssuer, String wildcardSecret,
		String storageClass, String platformNamespace, String ingressControllerNamespace) {

}
