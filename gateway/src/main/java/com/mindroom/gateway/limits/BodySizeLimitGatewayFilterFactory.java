package com.mindroom.gateway.limits;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.mindroom.gateway.errors.GatewayProblem;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;

/**
 * The {@code BodySizeLimit=512KB} route filter: refuses a request whose body is larger
 * than the route allows with 413, at once when it declares its length, and as soon as the
 * limit is passed when it streams the body in chunks.
 */
public class BodySizeLimitGatewayFilterFactory
		extends AbstractGatewayFilterFactory<BodySizeLimitGatewayFilterFactory.Config> {

	public BodySizeLimitGatewayFilterFactory() {
		super(Config.class);
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("maxSize");
	}

	@Override
	public GatewayFilter apply(Config config) {
		DataSize limit = config.getMaxSize();
		return (exchange, chain) -> {
			ServerHttpRequest request = exchange.getRequest();
			long declared = request.getHeaders().getContentLength();
			if (declared > limit.toBytes()) {
				return Mono.error(GatewayProblem.payloadTooLarge(limit));
			}
			if (declared >= 0) {
				return chain.filter(exchange);
			}
			return chain.filter(exchange.mutate().request(new LimitedBody(request, limit)).build());
		};
	}

	/**
	 * A request whose streamed body fails once it passes the limit.
	 */
	private static final class LimitedBody extends ServerHttpRequestDecorator {

		private final DataSize limit;

		LimitedBody(ServerHttpRequest request, DataSize limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong seen = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (seen.addAndGet(buffer.readableByteCount()) > this.limit.toBytes()) {
					DataBufferUtils.release(buffer);
					sink.error(GatewayProblem.payloadTooLarge(this.limit));
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

	/**
	 * The route's limit.
	 */
	public static class Config {

		private DataSize maxSize = DataSize.ofMegabytes(1);

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

	}

}
