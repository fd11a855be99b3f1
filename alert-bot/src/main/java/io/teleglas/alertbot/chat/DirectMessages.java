package io.teleglas.alertbot.chat;

import io.teleglas.alertbot.store.OutboundMessage;

/**
 * Where personal messages go: the app wires it to {@code Outbox::add}. Called on the engine thread,
 * so an implementation stores and returns; it never waits for Telegram.
 */
@FunctionalInterface
public interface DirectMessages {
  void add(OutboundMessage message);
}
