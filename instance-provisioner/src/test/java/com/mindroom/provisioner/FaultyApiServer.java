package com.mindroom.provisioner;

import java.time.Duration;
import java.util.function.Predicate;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import com.mindroom.provisioner.simulation.SimulatedApiServer;

/**
 * The simulated cluster's API server with failures on demand, at the wire: it can answer
 * 500 or answer too late to the requests a predicate selects, until it is healed. Watches
 * are never failed, so watching clients behave as against a flaky API server that keeps
 * its watch connections.
 */
public class FaultyApiServer extends Dispatcher {

	private final SimulatedApiServer crud = new SimulatedApiServer();

	private volatile Fault fault = Fault.NONE;

	private volatile Predicate<RecordedRequest> affected = (request) -> true;

	private volatile Duration delay = Duration.ZERO;

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		if (this.fault == Fault.NONE || request.getPath().contains("watch=true") || !this.affected.test(request)) {
			return this.crud.dispatch(request);
		}
		if (this.fault == Fault.SLOW) {
			return this.crud.dispatch(request).setBodyDelay(this.delay);
		}
		return new MockResponse().setResponseCode(500)
			.setHeader("Content-Type", "application/json")
			.setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
					+ "\"message\":\"Internal error occurred: the server is overloaded\",\"reason\":\"InternalError\",\"code\":500}");
	}

	/**
	 * Answers 500 to the selected requests.
	 * @param requests which requests fail
	 */
	public void failWith500(Predicate<RecordedRequest> requests) {
		this.affected = requests;
		this.fault = Fault.ERROR;
	}

	/**
	 * Answers the selected requests only after the delay.
	 * @param requests which requests are slow
	 * @param delay how late they are answered
	 */
	public void answerLate(Predicate<RecordedRequest> requests, Duration delay) {
		this.affected = requests;
		this.delay = delay;
		this.fault = Fault.SLOW;
	}

	public void heal() {
		this.fault = Fault.NONE;
	}

	private enum Fault {

		NONE, ERROR, SLOW

	}

}
