/**
 * Telegram message text: HTML escaping and tags ({@link io.teleglas.core.telegram.Html}), number
 * and time formatting ({@link io.teleglas.core.telegram.Formats}) and splitting to Telegram's
 * length limit ({@link io.teleglas.core.telegram.MessageSplitter}).
 */
package io.teleglas.core.telegram;
