package io.teleglas.bench.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The exchange side of the replay: a MockWebServer on 127.0.0.1 that upgrades every request to a
 * WebSocket and hands each open socket out as a {@link Feed}. Unlike the test server it applies
 * back-pressure: OkHttp closes a socket whose outgoing queue passes 16 MiB, so a flood must wait
 * for the queue to drain. Thread-safe.
 */
final class FeedServer implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final BlockingQueue<Feed> opened = new LinkedBlockingQueue<>();

  FeedServer() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse()
                .withWebSocketUpgrade(
                    new WebSocketListener() {
                      @Override
                      public void onOpen(WebSocket socket, Response response) {
                        opened.add(new Feed(socket, System.nanoTime()));
                      }
                    });
          }
        });
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the feed server", e);
    }
  }

  /** {@code ws://127.0.0.1:PORT} + {@code path}. */
  String url(String path) {
    return "ws://127.0.0.1:" + server.getPort() + path;
  }

  /** The next socket opened, waiting up to {@code timeout}. */
  Feed awaitFeed(Duration timeout) throws InterruptedException {
    Feed feed = opened.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (feed == null) {
      throw new IllegalStateException("nobody connected within " + timeout);
    }
    return feed;
  }

  /**
   * Stops the server; a client that keeps its socket open past MockWebServer's shutdown wait is
   * reported, not thrown, so one phase's teardown does not lose the figures already measured.
   */
  @Override
  public void close() {
    try {
      server.shutdown();
    } catch (IOException e) {
      System.err.println("feed server: " + e.getMessage());
    }
  }

  /** One open server socket; {@link #send} is for one sending thread at a time. */
  static final class Feed {
    /** Far below OkHttp's 16 MiB limit, enough to keep the socket writer busy. */
    private static final long MAX_QUEUED_BYTES = 1 << 20;

    private final WebSocket socket;
    private final long openedAtNanos;

    private Feed(WebSocket socket, long openedAtNanos) {
      this.socket = socket;
      this.openedAtNanos = openedAtNanos;
    }

    /** {@link System#nanoTime()} when the upgrade completed. */
    long openedAtNanos() {
      return openedAtNanos;
    }

    /** Queues a text frame, first waiting while more than 1 MiB is queued unsent. */
    void send(String frame) {
      while (socket.queueSize() > MAX_QUEUED_BYTES) {
        LockSupport.parkNanos(20_000);
      }
      if (!socket.send(frame)) {
        throw new IllegalStateException("the socket closed while sending");
      }
    }

    /** Waits until everything queued has been written to the socket. */
    void drain() {
      while (socket.queueSize() > 0) {
        LockSupport.parkNanos(50_000);
      }
    }

    void close() {
      socket.close(1000, "replay over");
    }
  }
}
