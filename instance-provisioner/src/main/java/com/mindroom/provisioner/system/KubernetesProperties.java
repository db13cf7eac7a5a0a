package com.mindroom.provisioner.system;

import java.time.Duration;

import com.mindroom.provisioner.cluster.ClusterMode;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which Kubernetes cluster the provisioner drives and how it talks to it
 * ({@code mindroom.kubernetes}).
 *
 * @param mode {@code simulated} (the embedded default), {@code kubeconfig} or
 * {@code in-cluster}
 * @param kubeconfig the kubeconfig file of {@code kubeconfig} mode
 * @param context the kubeconfig context to use (blank: its current context)
 * @param requestTimeout how long one API request may take
 * @param connectTimeout how long connecting to the API server may take
 * @param requestRetries the client's own retries of a failed request (the reconciler
 * retries with backoff on top)
 * @param simulated the simulated cluster
 */
@ConfigurationProperties("mindroom.kubernetes")
public record KubernetesProperties(@DefaultValue("simulated") ClusterMode mode, String kubeconfig, String context,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("1") int requestRetries, @DefaultValue Simulated simulated) {

	/**
	 * The simulated cluster: the fabric8 mock server in CRUD mode, started inside the
	 * provisioner.
	 *
	 * @param host the address it listens on
	 * @param port its port (0: any free port)
	 * @param readyDelay how long the simulated kubelet takes to make a workload ready
	 */
	public record Simulated(@DefaultValue("127.0.0.1") String host, @DefaultValue("8090") int port,
			@DefaultValue("3s") Duration readyDelay) {

	}

}
