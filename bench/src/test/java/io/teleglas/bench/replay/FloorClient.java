package io.teleglas.bench.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The floor the bot's ingest is compared with: an OkHttp WebSocket client that parses every frame
 * with Jackson ({@code readTree}) and does nothing else. Runs in the harness's own JVM; counts
 * frames parsed as JSON objects. Thread-safe.
 */
final class FloorClient implements AutoCloseable {
  private final OkHttpClient http = new OkHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();
  private final AtomicLong frames = new AtomicLong();
  private final AtomicLong unreadable = new AtomicLong();
  private final WebSocket socket;

  FloorClient(String url) {
    socket =
        http.newWebSocket(
            new Request.Builder().url(url).build(),
            new WebSocketListener() {
              @Override
              public void onMessage(WebSocket webSocket, String text) {
                try {
                  JsonNode node = mapper.readTree(text);
                  if (node.isObject()) {
                    frames.incrementAndGet();
                  } else {
                    unreadable.incrementAndGet();
                  }
                } catch (IOException e) {
                  unreadable.incrementAndGet();
                }
              }
            });
  }

  long frames() {
    return frames.get();
  }

  long unreadable() {
    return unreadable.get();
  }

  @Override
  public void close() {
    socket.close(1000, null);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
