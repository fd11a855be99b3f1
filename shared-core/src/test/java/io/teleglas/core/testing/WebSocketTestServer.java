package io.teleglas.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket server for stream tests, standing in for an exchange feed, on OkHttp MockWebServer
 * 4.12.
 *
 * <p>Every request is upgraded (unless {@link #refuseConnections(int)} is on) and becomes a {@link
 * Connection} the test can wait for ({@link #awaitConnection}), read ({@link
 * Connection#awaitMessage}), write to, close gracefully or drop abruptly, so reconnect logic can be
 * driven step by step. Behaviour is scripted with {@link #onOpen} (e.g. send a greeting) and {@link
 * #onMessage} (e.g. {@link #reply reply("ping", "pong")} or acknowledge a subscription); a server
 * that never answers is simply one with no responder.
 *
 * <p><b>Threading.</b> MockWebServer runs one thread per connection, and the hooks run on it; keep
 * them short. All methods are thread-safe. <b>Lifecycle.</b> {@link #start()} binds 127.0.0.1 on a
 * free port; {@link #close()} drops the connections still open and shuts the server down. A close
 * from the client is always answered (without that MockWebServer cannot shut down).
 */
public final class WebSocketTestServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebSocketTestServer.class);

  private final MockWebServer server = new MockWebServer();
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Connection> notYetAwaited = new LinkedBlockingQueue<>();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile int refuseStatus;
  private volatile Consumer<Connection> openHook = connection -> {};
  private volatile BiConsumer<Connection, String> responder = (connection, text) -> {};

  private WebSocketTestServer() {
    server.setServerSocketFactory(new SocketTracking());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            int status = refuseStatus;
            if (status != 0) {
              refused.incrementAndGet();
              return new MockResponse().setResponseCode(status).setBody("refused by test");
            }
            Connection connection =
                new Connection(
                    request, SocketTracking.servedOnThisThread(), WebSocketTestServer.this);
            return new MockResponse().withWebSocketUpgrade(connection.listener());
          }
        });
  }

  /** Starts a server on 127.0.0.1 and a free port. */
  public static WebSocketTestServer start() {
    WebSocketTestServer ws = new WebSocketTestServer();
    try {
      ws.server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the WebSocket test server", e);
    }
    return ws;
  }

  /**
   * A replier for {@link #onMessage}: answers each text equal to {@code question} with {@code
   * answer}.
   */
  public static BiConsumer<Connection, String> reply(String question, String answer) {
    return (connection, text) -> {
      if (text.equals(question)) {
        connection.send(answer);
      }
    };
  }

  /** {@code ws://127.0.0.1:PORT} + {@code pathAndQuery} (which should start with {@code /}). */
  public String url(String pathAndQuery) {
    return "ws://127.0.0.1:" + server.getPort() + pathAndQuery;
  }

  /**
   * From now on, answer every request with plain HTTP {@code httpStatus} (e.g. 503) instead of
   * upgrading.
   */
  public void refuseConnections(int httpStatus) {
    if (httpStatus < 200 || httpStatus == 101) {
      throw new IllegalArgumentException("not a refusing status: " + httpStatus);
    }
    refuseStatus = httpStatus;
  }

  /** Undoes {@link #refuseConnections(int)}: upgrade every request again. */
  public void acceptConnections() {
    refuseStatus = 0;
  }

  /**
   * Runs for each new connection once it is open, before its first message; replaces the previous
   * hook.
   */
  public void onOpen(Consumer<Connection> hook) {
    openHook = hook;
  }

  /** Runs for each text message received, on every connection; replaces the previous responder. */
  public void onMessage(BiConsumer<Connection, String> newResponder) {
    responder = newResponder;
  }

  /**
   * Waits for the next connection this method has not returned yet, in the order they opened.
   *
   * @throws AssertionError when none opens within {@code timeout}
   */
  public Connection awaitConnection(Duration timeout) {
    try {
      Connection next = notYetAwaited.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new AssertionError(
            "no new WebSocket connection within "
                + timeout
                + "; "
                + connections.size()
                + " opened so far, "
                + refused.get()
                + " refused");
      }
      return next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for a connection", e);
    }
  }

  /** Every connection opened so far, open or closed, in order. */
  public List<Connection> connections() {
    return List.copyOf(connections);
  }

  /** How many connections were opened (upgraded) so far. */
  public int connectionCount() {
    return connections.size();
  }

  /** How many requests were answered with the refusing status. */
  public int refusedCount() {
    return refused.get();
  }

  /** Drops the connections still open, then shuts the server down. */
  @Override
  public void close() {
    connections.stream().filter(Connection::isOpen).forEach(Connection::cancel);
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the WebSocket test server", e);
    }
  }

  private void opened(Connection connection) {
    connections.add(connection);
    notYetAwaited.add(connection);
    runHook("onOpen", () -> openHook.accept(connection));
  }

  private static void runHook(String name, Runnable hook) {
    try {
      hook.run();
    } catch (RuntimeException e) {
      // Thrown on the socket thread it would kill the connection and hide the cause from the test.
      log.error("WebSocketTestServer {} hook failed", name, e);
    }
  }

  /**
   * The server side of one upgraded WebSocket: the request it came from, the text it received, and
   * controls to answer, close or drop it. Received messages are kept twice: all of them in {@link
   * #messages()}, and a queue that {@link #awaitMessage} takes from. Thread-safe.
   */
  public static final class Connection {
    private final RecordedRequest request;
    private final Socket tcp;
    private final WebSocketTestServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile WebSocket socket;
    private volatile boolean open;
    private volatile int closeCode = -1;

    private Connection(RecordedRequest request, Socket tcp, WebSocketTestServer server) {
      this.request = request;
      this.tcp = tcp;
      this.server = server;
    }

    /** The request path without the query, e.g. {@code /ws/v5/public}. */
    public String path() {
      return request.getRequestUrl().encodedPath();
    }

    /** A query parameter of the upgrade request (e.g. an API key), or null. */
    public String queryParameter(String name) {
      return request.getRequestUrl().queryParameter(name);
    }

    /** A header of the upgrade request, or null. */
    public String header(String name) {
      return request.getHeader(name);
    }

    /**
     * Takes the next text message not yet taken, waiting up to {@code timeout}.
     *
     * @throws AssertionError when none arrives in time
     */
    public String awaitMessage(Duration timeout) {
      try {
        String message = unread.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (message == null) {
          throw new AssertionError(
              "no message on " + path() + " within " + timeout + "; received so far: " + received);
        }
        return message;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for a message", e);
      }
    }

    /**
     * Every text message received so far, in order, whether taken by {@link #awaitMessage} or not.
     */
    public List<String> messages() {
      return List.copyOf(received);
    }

    /**
     * Sends a text frame; false if the socket is closing or closed (OkHttp's {@link WebSocket#send}
     * semantics).
     */
    public boolean send(String text) {
      return socket.send(text);
    }

    /**
     * Starts a graceful close with {@code code} and {@code reason}; the client sees {@code
     * onClosing/onClosed}.
     */
    public void close(int code, String reason) {
      socket.close(code, reason);
    }

    /**
     * Drops the TCP connection without a close frame, like a network failure; the client sees
     * {@code onFailure}.
     */
    public void cancel() {
      if (tcp == null) {
        throw new IllegalStateException(
            "the socket of " + path() + " was not tracked; see SocketTracking");
      }
      try {
        tcp.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot drop " + path(), e);
      }
    }

    /** Whether the connection is open: upgraded, and neither closed nor failed. */
    public boolean isOpen() {
      return open;
    }

    /** The close code once closed gracefully, or -1 (still open, or dropped). */
    public int closeCode() {
      return closeCode;
    }

    /**
     * Waits until the connection has ended, gracefully or not.
     *
     * @throws AssertionError when it is still open after {@code timeout}
     */
    public void awaitClosed(Duration timeout) {
      try {
        if (!ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
          throw new AssertionError("connection " + path() + " still open after " + timeout);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for a close", e);
      }
    }

    private WebSocketListener listener() {
      return new WebSocketListener() {
        @Override
        public void onOpen(WebSocket webSocket, Response response) {
          socket = webSocket;
          open = true;
          server.opened(Connection.this);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
          received.add(text);
          unread.add(text);
          runHook("onMessage", () -> server.responder.accept(Connection.this, text));
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
          try {
            webSocket.close(code, reason);
          } catch (IllegalArgumentException reservedCode) {
            webSocket.close(1000, null);
          }
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
          closeCode = code;
          ended();
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
          ended();
        }
      };
    }

    private void ended() {
      open = false;
      ended.countDown();
    }
  }
}
