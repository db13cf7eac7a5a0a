package com.mindroom.provisioner.reconcile;

import io.fabric8.kubernetes.client.KubernetesClientException;

import com.mindroom.common.plan.UnknownPlanException;
import com.mindroom.provisioner.chart.ChartRenderingException;

/**
 * Turns what went wrong in a pass into a short reason a customer or an admin can read,
 * without payloads or secrets.
 */
public final class FailureReasons {

	private static final int MAX_LENGTH = 300;

	private FailureReasons() {
	}

	public static String describe(Throwable failure) {
		String reason;
		if (failure instanceof RolloutTimeoutException || failure instanceof ChartRenderingException
				|| failure instanceof UnknownPlanException) {
			reason = failure.getMessage();
		}
		else if (timedOut(failure)) {
			reason = "The Kubernetes API did not answer in time";
		}
		else if (failure instanceof KubernetesClientException api && api.getCode() > 0) {
			reason = "The Kubernetes API answered " + api.getCode() + statusMessage(api);
		}
		else if (failure instanceof KubernetesClientException) {
			reason = "The Kubernetes API could not be reached (" + rootMessage(failure) + ")";
		}
		else {
			reason = failure.getClass().getSimpleName() + ": " + rootMessage(failure);
		}
		return (reason.length() > MAX_LENGTH) ? reason.substring(0, MAX_LENGTH - 1) + "…" : reason;
	}

	private static String statusMessage(KubernetesClientException failure) {
		if (failure.getStatus() != null && failure.getStatus().getMessage() != null
				&& !failure.getStatus().getMessage().isBlank()) {
			return ": " + failure.getStatus().getMessage();
		}
		return "";
	}

	private static boolean timedOut(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().contains("Timeout")
					|| (cause.getMessage() != null && cause.getMessage().toLowerCase().contains("timed out"))) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

}
