package com.mindroom.provisioner.simulation;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

/**
 * The fabric8 mock server's CRUD dispatcher, with two fixes for long runs under load.
 * When a client ends a watch (fabric8 informers renew theirs every 5 to 10 minutes), the
 * mock waits on its event-loop thread for the watch's pending writes, which need that
 * same thread, so the whole simulated API server stalls for up to a minute; here the end
 * of a watch is handled on a thread of its own. And every create, replace and patch looks
 * its object up by matching the request against every stored object in full, on the one
 * thread that serves all requests, so the simulated cluster got slower with every tenant
 * added; here the lookup first compares the name, a single map read per stored object,
 * and matches in full only the objects of that name.
 */
public class SimulatedApiServer extends KubernetesCrudDispatcher {

	private static final ExecutorService closer = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "simulated-watch-close");
		thread.setDaemon(true);
		return thread;
	});

	@Override
	public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
		Attribute name = query.getAttribute(KubernetesAttributesExtractor.NAME);
		if (name == null || name.getType() != AttributeType.WITH) {
			return super.findResource(query);
		}
		// a stored object satisfies a name attribute exactly when it has an equal one
		for (Map.Entry<AttributeSet, String> entry : this.map.entrySet()) {
			if (name.equals(entry.getKey().getAttribute(KubernetesAttributesExtractor.NAME))
					&& entry.getKey().matches(query)) {
				return entry;
			}
		}
		return null;
	}

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
