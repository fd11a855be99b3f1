package io.teleglas.core.http;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.teleglas.core.lifecycle.DaemonThreads;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP listener for health, status and metrics endpoints, on the JDK's built-in server (no
 * framework: a handful of GET routes do not need one). Only {@code GET} and {@code HEAD} are
 * answered; a handler that throws yields a 500 and a log line, never a dead listener. Register
 * routes, then {@link #start()}; {@link #close()} stops it. Thread-safe after start.
 */
public final class HttpEndpoints implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpEndpoints.class);

  /** What a route answers. */
  public record Response(int status, String contentType, String body) {
    public Response {
      requireNonNull(contentType, "contentType is null");
      requireNonNull(body, "body is null");
    }

    public static Response json(int status, String body) {
      return new Response(status, "application/json", body);
    }

    public static Response text(int status, String body) {
      return new Response(status, "text/plain; charset=utf-8", body);
    }
  }

  private final InetSocketAddress address;
  private final Map<String, Supplier<Response>> routes = new LinkedHashMap<>();
  private HttpServer server;
  private ExecutorService executor;

  public HttpEndpoints(InetSocketAddress address) {
    this.address = requireNonNull(address, "address is null");
  }

  /** Answers {@code GET path} with what {@code handler} returns at that moment. */
  public synchronized HttpEndpoints route(String path, Supplier<Response> handler) {
    if (server != null) {
      throw new IllegalStateException("routes must be added before start()");
    }
    routes.put(path, handler);
    return this;
  }

  /** Binds the address; throws if it is taken, naming it. */
  public synchronized HttpEndpoints start() {
    try {
      server = HttpServer.create(address, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
    executor = Executors.newFixedThreadPool(2, new DaemonThreads("http"));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    log.info("HTTP endpoints on http://{}:{} {}", hostOf(address), port(), routes.keySet());
    return this;
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      Supplier<Response> route = routes.get(exchange.getRequestURI().getPath());
      Response response;
      if (route == null) {
        response = Response.json(404, "{\"error\":\"not found\"}");
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().add("Allow", "GET, HEAD");
        response = Response.json(405, "{\"error\":\"method not allowed\"}");
      } else {
        response = safely(route);
      }
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", response.contentType());
      exchange.getResponseHeaders().add("Cache-Control", "no-store");
      boolean head = method.equals("HEAD");
      exchange.sendResponseHeaders(response.status(), head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  private static Response safely(Supplier<Response> route) {
    try {
      return route.get();
    } catch (RuntimeException e) {
      log.error("HTTP handler failed", e);
      return Response.json(500, "{\"error\":\"internal error\"}");
    }
  }

  private static String hostOf(InetSocketAddress a) {
    return a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
