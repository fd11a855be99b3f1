package io.teleglas.alertbot.store;

/** What delivering an outbox entry does in Telegram. */
public enum MessageKind {
  /** {@code sendMessage}: a new message in the chat. */
  SEND,
  /**
   * {@code editMessageText} of the message its group was first sent as (a storm growing); sent as a
   * new message when the group has none yet.
   */
  EDIT
}
