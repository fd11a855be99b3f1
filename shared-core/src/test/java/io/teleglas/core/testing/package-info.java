/**
 * In-process fakes shared by the tests of both bots, published in {@code shared-core}'s test-jar.
 *
 * <ul>
 *   <li>{@link io.teleglas.core.testing.FakeTelegramApi}: a stateful Telegram Bot API on WireMock
 *       that speaks exactly what TelegramBots 10.2.0 sends (long-polled {@code getUpdates},
 *       mixed-case method names, Telegram's error shapes), records every call and injects failures.
 *   <li>{@link io.teleglas.core.testing.WebSocketTestServer}: a WebSocket server on OkHttp
 *       MockWebServer for exchange-stream tests: many connections, scripted replies, refusal,
 *       abrupt drops.
 * </ul>
 *
 * Both bind to 127.0.0.1 on a free port and are {@link java.lang.AutoCloseable}; open them per test
 * class or per test.
 */
package io.teleglas.core.testing;
