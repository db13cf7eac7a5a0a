package com.mindroom.provisioner.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Collects the instances whose cluster objects changed (a deletion, a workload becoming
 * ready) and makes them due in one statement a few times a second, so a burst of watch
 * events costs a handful of database writes.
 */
public class InstanceWakeups implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(InstanceWakeups.class);

	private static final long FLUSH_MILLIS = 200;

	private final ReconcileQueue queue;

	private final Set<UUID> pending = ConcurrentHashMap.newKeySet();

	private ScheduledExecutorService flusher;

	public InstanceWakeups(ReconcileQueue queue) {
		this.queue = queue;
	}

	public void request(UUID instanceId) {
		this.pending.add(instanceId);
	}

	@Override
	public synchronized void start() {
		if (this.flusher == null) {
			this.flusher = Executors.newSingleThreadScheduledExecutor((task) -> new Thread(task, "instance-wakeups"));
			this.flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.flusher != null) {
			this.flusher.shutdownNow();
			this.flusher = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.flusher != null;
	}

	private void flush() {
		List<UUID> ids = new ArrayList<>();
		for (UUID id : this.pending) {
			if (this.pending.remove(id)) {
				ids.add(id);
			}
		}
		try {
			this.queue.wake(ids);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not wake {} instances after cluster changes: {}", ids.size(), ex.getMessage());
			this.pending.addAll(ids);
		}
	}

}
