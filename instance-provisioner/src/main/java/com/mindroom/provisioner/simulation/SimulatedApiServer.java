package com.mindroom.provisioner.simulation;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

/**
 * The fabric8 mock server's CRUD dispatcher, with one fix for long runs under load: when
 * a client ends a watch (fabric8 informers renew theirs every 5 to 10 minutes), the mock
 * waits on its event-loop thread for the watch's pending writes, which need that same
 * thread, so the whole simulated API server stalls for up to a minute. Here the end of a
 * watch is handled on a thread of its own.
 */
public class SimulatedApiServer extends KubernetesCrudDispatcher {

	private static final ExecutorService closer = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "simulated-watch-close");
		thread.setDaemon(true);
		return thread;
	});

	@Override
	public MockResponse handleWatch(String path) {
		MockResponse response = super.handleWatch(path);
		WebSocketListener listener = response.getWebSocketListener();
		return (listener != null) ? response.withWebSocketUpgrade(new ClosingOffTheEventLoop(listener)) : response;
	}

	/**
	 * Passes every callback on, running the end of the watch elsewhere.
	 */
	private static final class ClosingOffTheEventLoop extends WebSocketListener {

		private final WebSocketListener watch;

		ClosingOffTheEventLoop(WebSocketListener watch) {
			this.watch = watch;
		}

		@Override
		public void onBeforeAccept(WebSocket webSocket, Response response) {
			this.watch.onBeforeAccept(webSocket, response);
		}

		@Override
		public void onOpen(WebSocket webSocket, Response response) {
			this.watch.onOpen(webSocket, response);
		}

		@Override
		public void onMessage(WebSocket webSocket, String text) {
			this.watch.onMessage(webSocket, text);
		}

		@Override
		public void onMessage(WebSocket webSocket, ByteString bytes) {
			this.watch.onMessage(webSocket, bytes);
		}

		@Override
		public void onMessage(WebSocket webSocket, byte[] bytes) {
			this.watch.onMessage(webSocket, bytes);
		}

		@Override
		public void onPing(WebSocket webSocket, byte[] bytes) {
			this.watch.onPing(webSocket, bytes);
		}

		@Override
		public void onClosing(WebSocket webSocket, int code, String reason) {
			closer.execute(() -> this.watch.onClosing(webSocket, code, reason));
		}

		@Override
		public void onClosed(WebSocket webSocket, int code, String reason) {
			closer.execute(() -> this.watch.onClosed(webSocket, code, reason));
		}

		@Override
		public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
			closer.execute(() -> this.watch.onFailure(webSocket, failure, response));
		}

	}

}
