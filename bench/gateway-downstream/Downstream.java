import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The downstream of the gateway overhead benchmark: answers every request at once with a
 * small fixed body (and 200 on /actuator/health/readiness, so the gateway is ready).
 * Run with the JDK's source launcher: java Downstream.java PORT
 */
public final class Downstream {

	private static final byte[] BODY = "{\"status\":\"ok\",\"service\":\"bench-downstream\"}"
		.getBytes(StandardCharsets.UTF_8);

	public static void main(String[] args) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 512);
		server.setExecutor(Executors.newFixedThreadPool(64));
		server.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, BODY.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(BODY);
			}
		});
		server.start();
	}

}
