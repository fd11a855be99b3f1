package io.teleglas.bench.replay;

import io.teleglas.core.testing.RecordedCall;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The fake Telegram's own share of detect → send: a plain OkHttp client in the harness JVM posts
 * {@code sendMessage} to a private chat (never the channel the figures count) and measures from
 * just before the call to the fake's recorded arrival, the same end point as the bot's figures.
 * {@link #warm} runs the fake's request path before a bot starts, so the bot's first alert does not
 * pay for the fake's class loading and JIT; {@link #probeEvery} samples the fake during a replay,
 * under the same load as the bot's sends. One probe at a time; not thread-safe.
 */
final class FakeFloor implements AutoCloseable {
  private static final String PROBE_CHAT = "4242";
  private static final MediaType JSON = MediaType.get("application/json");

  private final BenchTelegram telegram;
  private final String url;
  private final OkHttpClient http = new OkHttpClient();
  private final List<Double> millis = new ArrayList<>();
  private Thread prober;
  private volatile boolean stop;

  FakeFloor(BenchTelegram telegram, String token) {
    this.telegram = telegram;
    this.url = telegram.baseUrl() + "/bot" + token + "/sendMessage";
  }

  /** {@code count} posts back to back, not measured. */
  void warm(int count) throws IOException {
    for (int i = 0; i < count; i++) {
      post("warm-up " + i);
    }
  }

  /** Starts posting every {@code period} from {@code firstAt} (epoch ms) until {@link #close}. */
  void probeEvery(Duration period, long firstAtMillis) {
    prober =
        new Thread(
            () -> {
              long next = firstAtMillis;
              while (!stop) {
                long wait = next - System.currentTimeMillis();
                if (wait > 0) {
                  sleep(wait);
                  continue;
                }
                next += period.toMillis();
                try {
                  Instant before = Instant.now();
                  RecordedCall call = post("probe " + next);
                  synchronized (millis) {
                    millis.add(Duration.between(before, call.receivedAt()).toNanos() / 1e6);
                  }
                } catch (IOException | RuntimeException e) {
                  System.err.println("fake floor probe failed: " + e);
                }
              }
            },
            "fake-floor");
    prober.setDaemon(true);
    prober.start();
  }

  /** The probes' call → recorded times, in ms. */
  List<Double> millis() {
    synchronized (millis) {
      return List.copyOf(millis);
    }
  }

  private RecordedCall post(String text) throws IOException {
    String body =
        "{\"chat_id\":\""
            + PROBE_CHAT
            + "\",\"text\":\"<b>"
            + text
            + "</b>\",\"parse_mode\":\"HTML\"}";
    Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("fake Telegram answered " + response.code());
      }
    }
    List<RecordedCall> calls = telegram.calls("sendMessage");
    for (int i = calls.size() - 1; i >= 0; i--) {
      RecordedCall c = calls.get(i);
      if (PROBE_CHAT.equals(c.param("chat_id"))
          && ("<b>" + text + "</b>").equals(c.param("text"))) {
        return c;
      }
    }
    throw new IllegalStateException("the fake did not record probe " + text);
  }

  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(Math.min(millis, 100));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    if (prober != null) {
      prober.join(2_000);
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
