package com.mindroom.provisioner.chart;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Gives the JVM back its handlers for the signals that stop it. Helm's engine is a Go
 * library (helm-java) whose install path, which {@code helm template} takes, calls Go's
 * {@code signal.Notify}: from then on the Go runtime owns the process's SIGTERM and
 * SIGINT, so the JVM ignores them, runs no shutdown hooks and a pod hangs until the
 * kubelet kills it (manusa/helm-java#409). The JVM's own handlers are captured before
 * Helm first runs and registered again after every rendering, which installs them again.
 * (The JVM's SIGQUIT, for thread dumps, cannot be registered this way: after a rendering
 * {@code jstack} needs {@code jcmd}'s attach socket to be started before.)
 */
final class ShutdownSignals {

	private static final Logger logger = LoggerFactory.getLogger(ShutdownSignals.class);

	private static final Map<Signal, SignalHandler> jvmHandlers = capture("TERM", "INT", "HUP");

	private ShutdownSignals() {
	}

	/**
	 * Installs the JVM's handlers again (the first call captures them, so make it before
	 * Helm runs).
	 */
	static void reclaim() {
		jvmHandlers.forEach(Signal::handle);
	}

	private static Map<Signal, SignalHandler> capture(String... names) {
		Map<Signal, SignalHandler> handlers = new LinkedHashMap<>();
		for (String name : names) {
			Signal signal = new Signal(name);
			try {
				SignalHandler handler = Signal.handle(signal, SignalHandler.SIG_DFL);
				Signal.handle(signal, handler);
				handlers.put(signal, handler);
			}
			catch (IllegalArgumentException ex) {
				// ignored when the process started (SIGINT of a background job): nothing
				// to
				// give back
				logger.debug("SIG{} is not the JVM's to handle: {}", name, ex.getMessage());
			}
		}
		return handlers;
	}

}
