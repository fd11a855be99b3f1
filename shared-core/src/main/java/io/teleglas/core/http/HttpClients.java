package io.teleglas.core.http;

import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** The one OkHttp client each process builds, and how to release it at shutdown. */
public final class HttpClients {
  private HttpClients() {}

  /**
   * A client whose dispatcher allows many concurrent calls: a {@code /raw} makes about twenty at
   * once, a dozen of them to CoinGlass, and OkHttp's default of 5 per host would serialize them.
   */
  public static OkHttpClient create() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(256);
    dispatcher.setMaxRequestsPerHost(64);
    return new OkHttpClient.Builder().dispatcher(dispatcher).build();
  }

  /** Releasing a client cannot fail, so it needs no checked exception. */
  public interface Release extends AutoCloseable {
    @Override
    void close();
  }

  /** Stops the client's dispatcher threads and drops its idle connections. */
  public static Release closer(OkHttpClient http) {
    return () -> {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    };
  }
}
