package com.mindroom.provisioner.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated Kubernetes API server: the fabric8 mock server in CRUD mode (objects are
 * stored, listed, watched and deleted, but no pod ever runs), listening on a local port
 * so operators can look at it with kubectl or a fabric8 client, with a
 * {@link SimulatedKubelet} that makes workloads ready. The mock server records every
 * request for tests that inspect them; the record is drained periodically here so a long
 * local run does not grow without bound.
 */
public class SimulatedCluster implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SimulatedCluster.class);

	private final KubernetesMockServer server;

	private final String host;

	private final int port;

	private final Duration readyDelay;

	private ScheduledExecutorService janitor;

	private KubernetesClient kubeletClient;

	private SimulatedKubelet kubelet;

	/**
	 * A simulated cluster that stores objects like an API server does
	 * ({@link SimulatedApiServer}).
	 * @param host the address to listen on
	 * @param port the port (0: any free port)
	 * @param readyDelay how long the simulated kubelet takes to make a workload ready
	 */
	public SimulatedCluster(String host, int port, Duration readyDelay) {
		this(host, port, readyDelay, new SimulatedApiServer());
	}

	/**
	 * A simulated cluster answering through the given dispatcher (tests wrap a
	 * {@link SimulatedApiServer} to make the API fail on demand).
	 * @param host the address to listen on
	 * @param port the port (0: any free port)
	 * @param readyDelay how long the simulated kubelet takes to make a workload ready
	 * @param dispatcher answers the requests
	 */
	public SimulatedCluster(String host, int port, Duration readyDelay, Dispatcher dispatcher) {
		this.server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
		this.host = host;
		this.port = port;
		this.readyDelay = readyDelay;
	}

	public synchronized void start() {
		try {
			this.server.start(InetAddress.getByName(this.host), this.port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the simulated cluster on " + this.host, ex);
		}
		this.janitor = Executors.newSingleThreadScheduledExecutor((task) -> new Thread(task, "simulated-cluster"));
		this.janitor.scheduleWithFixedDelay(this::drainRequestLog, 5, 5, TimeUnit.SECONDS);
		this.kubeletClient = newClient();
		this.kubelet = new SimulatedKubelet(this.kubeletClient, this.readyDelay);
		this.kubelet.start();
		logger.info("Simulated Kubernetes cluster (fabric8 mock server, CRUD mode) listening at {}", url());
	}

	/**
	 * The API server's URL.
	 * @return the URL, for example {@code http://127.0.0.1:8090}
	 */
	public String url() {
		return "http://" + this.host + ":" + this.server.getPort();
	}

	public int port() {
		return this.server.getPort();
	}

	/**
	 * The client configuration that reaches this cluster.
	 * @return a configuration without credentials
	 */
	public Config config() {
		return new ConfigBuilder(Config.empty()).withMasterUrl(url()).withNamespace("default").build();
	}

	private KubernetesClient newClient() {
		return new KubernetesClientBuilder().withConfig(config()).build();
	}

	private void drainRequestLog() {
		try {
			while (this.server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
				// the record is not needed outside tests
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public synchronized void close() {
		if (this.kubelet != null) {
			this.kubelet.close();
			this.kubeletClient.close();
		}
		if (this.janitor != null) {
			this.janitor.shutdownNow();
		}
		this.server.shutdown();
	}

}
