/**
 * Code shared by the command bot and the alert bot: the market domain model, configuration loading,
 * Telegram rendering and delivery plumbing. Nothing here has a {@code main} or reads the
 * environment.
 */
package io.teleglas.core;
