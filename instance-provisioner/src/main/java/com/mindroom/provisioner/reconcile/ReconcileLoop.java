package com.mindroom.provisioner.reconcile;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mindroom.provisioner.system.ProvisionerProperties;

import org.springframework.context.SmartLifecycle;

/**
 * One replica's reconcile loop, the way a Kubernetes controller runs: a dispatcher claims
 * due instances (woken at once by {@code NOTIFY}, and looking again every idle poll), a
 * pool of workers runs one pass each, and a heartbeat renews the leases of the passes in
 * progress. A pass never waits for the cluster; it ends with an outcome that says when to
 * look again.
 */
public class ReconcileLoop implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ReconcileLoop.class);

	private static final AtomicInteger threads = new AtomicInteger();

	private final ReconcileQueue queue;

	private final Reconciler reconciler;

	private final ProvisionerProperties properties;

	private final String replica;

	private final BooleanSupplier ready;

	private final MeterRegistry meters;

	private final Backoff backoff;

	private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

	private final LinkedBlockingQueue<Boolean> signal = new LinkedBlockingQueue<>();

	private volatile boolean running;

	private Thread dispatcher;

	private ExecutorService workers;

	private ScheduledExecutorService heartbeat;

	ReconcileLoop(ReconcileQueue queue, Reconciler reconciler, ProvisionerProperties properties, String replica,
			BooleanSupplier ready, MeterRegistry meters) {
		this.queue = queue;
		this.reconciler = reconciler;
		this.properties = properties;
		this.replica = replica;
		this.ready = ready;
		this.meters = meters;
		this.backoff = new Backoff(properties);
	}

	public String replica() {
		return this.replica;
	}

	/**
	 * Makes the dispatcher look for due work now.
	 */
	public void wake() {
		this.signal.offer(Boolean.TRUE);
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.workers = Executors.newFixedThreadPool(this.properties.workers(),
				(task) -> new Thread(task, "reconcile-" + threads.incrementAndGet()));
		this.heartbeat = Executors.newSingleThreadScheduledExecutor((task) -> new Thread(task, "reconcile-heartbeat"));
		long renewEvery = Math.max(1, this.properties.lease().toMillis() / 3);
		this.heartbeat.scheduleWithFixedDelay(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
		this.dispatcher = new Thread(this::dispatch, "reconcile-dispatcher-" + this.replica);
		this.dispatcher.start();
		logger.info("Reconciling instances as replica {} with {} workers", this.replica, this.properties.workers());
	}

	@Override
	public void stop() {
		Thread thread;
		synchronized (this) {
			if (!this.running) {
				return;
			}
			this.running = false;
			thread = this.dispatcher;
		}
		wake();
		try {
			thread.join(TimeUnit.SECONDS.toMillis(10));
			this.workers.shutdown();
			this.workers.awaitTermination(this.properties.lease().toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.heartbeat.shutdownNow();
		logger.info("Replica {} stopped reconciling", this.replica);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void dispatch() {
		while (this.running) {
			try {
				if (!this.ready.getAsBoolean()) {
					await(this.properties.idlePoll());
					continue;
				}
				int free = this.properties.workers() - this.inFlight.size();
				List<Claim> claims = (free > 0) ? this.queue.claim(this.replica, free, this.properties.lease())
						: List.of();
				claims.forEach(this::submit);
				if (free == 0 || claims.size() < free) {
					await(this.properties.idlePoll());
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Replica {} could not claim work: {}", this.replica, ex.getMessage());
				await(this.properties.idlePoll());
			}
		}
	}

	private void submit(Claim claim) {
		this.inFlight.add(claim.id());
		this.workers.execute(() -> run(claim));
	}

	private void run(Claim claim) {
		long started = System.nanoTime();
		Outcome outcome;
		try {
			outcome = this.reconciler.reconcile(claim);
		}
		catch (RuntimeException ex) {
			String reason = FailureReasons.describe(ex);
			logger.warn("Instance {} ({}): reconcile failed: {}", claim.id(), claim.slug(), reason);
			logger.debug("Reconcile failure of instance {}", claim.id(), ex);
			outcome = new Outcome.Failed(reason);
		}
		try {
			complete(claim, outcome);
		}
		catch (RuntimeException ex) {
			logger.error("Instance {}: could not record the outcome of its pass ({}); it is retried when the lease "
					+ "ends", claim.id(), ex.getMessage());
		}
		finally {
			this.inFlight.remove(claim.id());
			record(outcome, System.nanoTime() - started);
			wake();
		}
	}

	private void complete(Claim claim, Outcome outcome) {
		if (outcome instanceof Outcome.Settled settled) {
			this.queue.settle(claim, settled, this.properties.resync());
		}
		else if (outcome instanceof Outcome.Waiting waiting) {
			this.queue.waiting(claim, waiting.state(), this.properties.readinessPoll());
		}
		else if (outcome instanceof Outcome.Failed failed) {
			this.queue.fail(claim, failed.reason(), this.backoff.after(claim.attempts(), failed.reason()));
		}
		else {
			this.queue.unchanged(claim, this.properties.resync());
		}
	}

	private void renewLeases() {
		try {
			this.queue.renew(this.replica, Set.copyOf(this.inFlight), this.properties.lease());
		}
		catch (RuntimeException ex) {
			logger.warn("Replica {} could not renew its leases: {}", this.replica, ex.getMessage());
		}
	}

	private void await(Duration timeout) {
		try {
			this.signal.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			this.signal.clear();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	private void record(Outcome outcome, long nanos) {
		if (this.meters != null) {
			Timer.builder("mindroom.provisioner.reconcile")
				.description("Reconcile passes by outcome")
				.tag("outcome", outcome.getClass().getSimpleName().toLowerCase())
				.register(this.meters)
				.record(nanos, TimeUnit.NANOSECONDS);
		}
	}

}
