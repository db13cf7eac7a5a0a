import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * The reference of the gateway overhead benchmark: the least a proxy on the gateway's own
 * stack (Reactor Netty server and client, the same versions) can do, with no routing,
 * filters, metrics or logging: it forwards each request to the downstream and streams the
 * answer back. Measured in the same run, it shows how much of the gateway's cost is the
 * extra hop itself on this machine. Run with the JDK's source launcher, the gateway's
 * Reactor Netty jars on the class path: java ReferenceProxy.java PORT DOWNSTREAM_PORT
 */
public final class ReferenceProxy {

	public static void main(String[] args) {
		HttpClient downstream = HttpClient
			.create(ConnectionProvider.builder("downstream").maxConnections(512).pendingAcquireMaxCount(-1).build())
			.baseUrl("http://127.0.0.1:" + args[1]);
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(Integer.parseInt(args[0]))
			.handle((request, response) -> downstream.request(request.method())
				.uri(request.uri())
				.send(request.receive().retain())
				.response((answer, body) -> response.status(answer.status())
					.headers(answer.responseHeaders())
					.send(body.retain())))
			.bindNow();
		server.onDispose().block();
	}

}
