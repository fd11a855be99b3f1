package io.teleglas.alertbot.chat;

import io.teleglas.alertbot.http.DeliveryHealth;
import io.teleglas.alertbot.source.SourceStatus;
import io.teleglas.alertbot.source.SourcesView;
import java.util.Optional;

/**
 * The bot's state as {@code /status} tells a user. Implementations are called from update threads
 * and must be thread-safe and cheap.
 */
public interface BotStatus {

  /** The source feeding the engine, if any is healthy. */
  Optional<String> activeSource();

  /** Sources connected now. */
  int connectedSources();

  /** Sources configured. */
  int totalSources();

  /** Messages waiting for Telegram. */
  int deliveryBacklog();

  /** Reads the source manager and the delivery stage. */
  static BotStatus of(SourcesView sources, DeliveryHealth delivery) {
    return new BotStatus() {
      @Override
      public Optional<String> activeSource() {
        return sources.activeSource();
      }

      @Override
      public int connectedSources() {
        return (int) sources.sources().stream().filter(SourceStatus::connected).count();
      }

      @Override
      public int totalSources() {
        return sources.sources().size();
      }

      @Override
      public int deliveryBacklog() {
        return delivery.backlog();
      }
    };
  }
}
