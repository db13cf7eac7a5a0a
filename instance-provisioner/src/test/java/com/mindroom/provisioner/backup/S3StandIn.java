package com.mindroom.provisioner.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An S3-compatible endpoint at the wire for tests: the few calls the backups use
 * (PutObject, GetObject, HeadObject, DeleteObject and multipart uploads), path-style, on
 * one bucket, in memory. Signatures are not checked; aws-chunked bodies are decoded. It
 * can be told to refuse uploads, as a bucket whose key was revoked does. Registered as a
 * static extension ({@code @RegisterExtension}), it stops after the test class.
 */
public final class S3StandIn implements AfterAllCallback {

	public static final String BUCKET = "mindroom-backups";

	private final HttpServer server;

	private final Map<String, byte[]> objects = new ConcurrentSkipListMap<>();

	private final Map<String, Map<Integer, byte[]>> uploads = new ConcurrentHashMap<>();

	private volatile boolean refuseUploads;

	private S3StandIn(HttpServer server) {
		this.server = server;
	}

	public static S3StandIn start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			S3StandIn standIn = new S3StandIn(server);
			server.createContext("/", standIn::handle);
			server.start();
			return standIn;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Points the provisioner's backups at this stand-in (path-style, test keys).
	 * @param registry the test's dynamic properties
	 */
	public void configure(DynamicPropertyRegistry registry) {
		registry.add("mindroom.backups.s3.endpoint", this::endpoint);
		registry.add("mindroom.backups.s3.bucket", () -> BUCKET);
		registry.add("mindroom.backups.s3.access-key", () -> "test-access-key");
		registry.add("mindroom.backups.s3.secret-key", () -> "test-secret-key");
		registry.add("mindroom.backups.s3.path-style", () -> "true");
	}

	public Set<String> keys() {
		return Set.copyOf(this.objects.keySet());
	}

	public byte[] object(String key) {
		return this.objects.get(key);
	}

	public void put(String key, byte[] content) {
		this.objects.put(key, content);
	}

	public void refuseUploads(boolean refuse) {
		this.refuseUploads = refuse;
	}

	public int openUploads() {
		return this.uploads.size();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String prefix = "/" + BUCKET + "/";
			if (!path.startsWith(prefix)) {
				error(exchange, 404, "NoSuchBucket");
				return;
			}
			String key = path.substring(prefix.length());
			Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
			byte[] body = body(exchange);
			switch (exchange.getRequestMethod()) {
				case "PUT" -> put(exchange, key, query, body);
				case "POST" -> post(exchange, key, query);
				case "GET", "HEAD" -> get(exchange, key);
				case "DELETE" -> delete(exchange, key, query);
				default -> error(exchange, 405, "MethodNotAllowed");
			}
		}
	}

	private void put(HttpExchange exchange, String key, Map<String, String> query, byte[] body) throws IOException {
		if (this.refuseUploads) {
			error(exchange, 403, "AccessDenied");
			return;
		}
		if (query.containsKey("uploadId")) {
			this.uploads.get(query.get("uploadId")).put(Integer.parseInt(query.get("partNumber")), body);
		}
		else {
			this.objects.put(key, body);
		}
		exchange.getResponseHeaders().add("ETag", "\"" + UUID.randomUUID() + "\"");
		exchange.sendResponseHeaders(200, -1);
	}

	private void post(HttpExchange exchange, String key, Map<String, String> query) throws IOException {
		if (query.containsKey("uploads")) {
			String id = UUID.randomUUID().toString();
			this.uploads.put(id, new TreeMap<>());
			xml(exchange, 200, "<InitiateMultipartUploadResult><Bucket>" + BUCKET + "</Bucket><Key>" + key
					+ "</Key><UploadId>" + id + "</UploadId></InitiateMultipartUploadResult>");
			return;
		}
		Map<Integer, byte[]> parts = this.uploads.remove(query.get("uploadId"));
		ByteArrayOutputStream whole = new ByteArrayOutputStream();
		for (byte[] part : parts.values()) {
			whole.writeBytes(part);
		}
		this.objects.put(key, whole.toByteArray());
		xml(exchange, 200, "<CompleteMultipartUploadResult><Bucket>" + BUCKET + "</Bucket><Key>" + key
				+ "</Key><ETag>\"whole\"</ETag></CompleteMultipartUploadResult>");
	}

	private void get(HttpExchange exchange, String key) throws IOException {
		byte[] content = this.objects.get(key);
		if (content == null) {
			if ("HEAD".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(404, -1);
			}
			else {
				error(exchange, 404, "NoSuchKey");
			}
			return;
		}
		exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
		exchange.getResponseHeaders().add("ETag", "\"object\"");
		if ("HEAD".equals(exchange.getRequestMethod())) {
			exchange.getResponseHeaders().add("Content-Length", String.valueOf(content.length));
			exchange.sendResponseHeaders(200, -1);
			return;
		}
		exchange.sendResponseHeaders(200, (content.length > 0) ? content.length : -1);
		exchange.getResponseBody().write(content);
	}

	private void delete(HttpExchange exchange, String key, Map<String, String> query) throws IOException {
		if (query.containsKey("uploadId")) {
			this.uploads.remove(query.get("uploadId"));
		}
		else {
			this.objects.remove(key);
		}
		exchange.sendResponseHeaders(204, -1);
	}

	private static void error(HttpExchange exchange, int status, String code) throws IOException {
		xml(exchange, status, "<Error><Code>" + code + "</Code><Message>" + code + "</Message></Error>");
	}

	private static void xml(HttpExchange exchange, int status, String xml) throws IOException {
		byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/xml");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new TreeMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				String[] parts = pair.split("=", 2);
				query.put(parts[0], (parts.length > 1) ? parts[1] : "");
			}
		}
		return query;
	}

	/**
	 * The request's payload, with aws-chunked framing
	 * ({@code <hex size>;chunk-signature=...\r\n<bytes>\r\n}) taken off.
	 */
	private static byte[] body(HttpExchange exchange) throws IOException {
		byte[] raw;
		try (InputStream in = exchange.getRequestBody()) {
			raw = in.readAllBytes();
		}
		String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
		String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
		boolean chunked = (encoding != null && encoding.contains("aws-chunked"))
				|| (sha != null && sha.startsWith("STREAMING-"));
		return chunked ? dechunk(raw) : raw;
	}

	private static byte[] dechunk(byte[] raw) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int position = 0;
		while (position < raw.length) {
			int lineEnd = indexOfCrlf(raw, position);
			String header = new String(raw, position, lineEnd - position, StandardCharsets.US_ASCII);
			int size = Integer.parseInt(header.split(";", 2)[0].strip(), 16);
			if (size == 0) {
				break;
			}
			out.write(raw, lineEnd + 2, size);
			position = lineEnd + 2 + size + 2;
		}
		return out.toByteArray();
	}

	private static int indexOfCrlf(byte[] bytes, int from) {
		for (int i = from; i < bytes.length - 1; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		return bytes.length;
	}

}
