import io.teleglas.core.telegram.Html;
import io.teleglas.core.testing.FakeTelegramApi;
import io.teleglas.core.testing.RecordedCall;
import io.teleglas.core.testing.WebSocketTestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Local fakes for trying both bots without real tokens, run by {@code scripts/local-fakes.sh}: the
 * test suite's fake Telegram Bot API (both bots' tokens) and a fake Binance market stream, both on
 * 127.0.0.1. Writes a {@code .env} that points the bots at them, prints every message the bots send
 * (as the chat shows it), and reads commands from stdin to play a user or the market.
 *
 * <p>Single-threaded apart from the fakes' own servers and one printer thread; stdin EOF or {@code
 * quit} stops everything.
 */
public final class LocalFakes {
  static final String COMMAND_TOKEN = "7000000001:local-command-token-0123456789abcdef";
  static final String ALERT_TOKEN = "7000000002:local-alert-token-0123456789abcdefgh";
  static final String CHANNEL = "-1001234567890";

  private static final String HELP =
      """
      commands:
        cmd USER_ID TEXT      USER_ID sends TEXT to the command bot, e.g.  cmd 501 /raw BTC
        alert USER_ID TEXT    USER_ID sends TEXT to the alert bot, e.g.    alert 501 /subscribe ETH 100k
        liq COIN SIDE QTY PRICE
                              Binance reports a liquidation; SIDE is the liquidation order's side:
                              SELL closes a long, BUY closes a short, e.g.  liq BTC SELL 10 97000
        help | quit""";

  private final List<WebSocketTestServer.Connection> sockets = new CopyOnWriteArrayList<>();
  private int printed;

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: LocalFakes DIRECTORY  (where .env is written)");
      System.exit(2);
    }
    new LocalFakes().run(Path.of(args[0]));
  }

  private void run(Path dir) throws IOException {
    try (FakeTelegramApi telegram = FakeTelegramApi.start();
        WebSocketTestServer binance = WebSocketTestServer.start()) {
      telegram.bot(COMMAND_TOKEN).identity(7000000001L, "Local command bot", "local_command_bot");
      telegram.bot(ALERT_TOKEN).identity(7000000002L, "Local alert bot", "local_alert_bot");
      binance.onOpen(sockets::add);
      Path env = writeEnv(dir, telegram.baseUrl(), binance.url("/market"));
      System.out.println("Fake Telegram at " + telegram.baseUrl() + ", fake Binance stream at "
          + binance.url("/market"));
      System.out.println("Wrote " + env + "; in another terminal, from " + dir + ":");
      System.out.println("  java -jar <repo>/alert-bot/target/alert-bot.jar");
      System.out.println("  java -jar <repo>/command-bot/target/command-bot.jar");
      System.out.println(HELP);
      ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor();
      printer.scheduleWithFixedDelay(() -> printNewCalls(telegram), 200, 200, TimeUnit.MILLISECONDS);
      try {
        readCommands(telegram);
      } finally {
        printer.shutdownNow();
        telegram.answerPollsImmediately();
      }
    }
  }

  private static Path writeEnv(Path dir, String telegramUrl, String binanceWs) throws IOException {
    Files.createDirectories(dir);
    Path env = dir.resolve(".env");
    String text =
        String.join(
            "\n",
            "# Written by scripts/local-fakes.sh: both bots against local fakes. Not for production.",
            "TELEGRAM_API_URL=" + telegramUrl,
            "TELEGRAM_BOT_TOKEN=" + COMMAND_TOKEN,
            "TELEGRAM_ALERT_TOKEN=" + ALERT_TOKEN,
            "TELEGRAM_ALERT_CHANNEL_ID=" + CHANNEL,
            "# Only the fake stream; the command bot asks the exchanges' real keyless REST APIs.",
            "ALERT_SOURCES=binance",
            "BINANCE_WS_URL=" + binanceWs,
            "DATA_DIR=./data",
            "");
    Files.writeString(env, text, StandardCharsets.UTF_8);
    return env;
  }

  private void readCommands(FakeTelegramApi telegram) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      String[] words = line.strip().split("\\s+", 3);
      try {
        switch (words[0]) {
          case "" -> {}
          case "quit", "exit" -> {
            return;
          }
          case "cmd", "alert" -> say(telegram, words);
          case "liq" -> liquidation(line.strip().split("\\s+"));
          default -> System.out.println(HELP);
        }
      } catch (IllegalArgumentException e) {
        System.out.println("! " + e.getMessage());
      }
    }
  }

  private static void say(FakeTelegramApi telegram, String[] words) {
    if (words.length < 3) {
      throw new IllegalArgumentException("usage: " + words[0] + " USER_ID TEXT");
    }
    long user = Long.parseLong(words[1]);
    String token = words[0].equals("cmd") ? COMMAND_TOKEN : ALERT_TOKEN;
    telegram.bot(token).sendText(user, user, words[2]);
  }

  private void liquidation(String[] words) {
    if (words.length != 5 || !words[2].matches("BUY|SELL")) {
      throw new IllegalArgumentException("usage: liq COIN BUY|SELL QTY PRICE");
    }
    BigDecimal qty = new BigDecimal(words[3]);
    BigDecimal price = new BigDecimal(words[4]);
    long now = System.currentTimeMillis();
    String symbol = words[1].toUpperCase() + "USDT";
    String frame =
        String.format(
            "{\"stream\":\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":%d,\"o\":{"
                + "\"s\":\"%s\",\"S\":\"%s\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"%s\",\"p\":\"%s\","
                + "\"ap\":\"%s\",\"X\":\"FILLED\",\"l\":\"%s\",\"z\":\"%s\",\"T\":%d}}}",
            now, symbol, words[2], qty, price, price, qty, qty, now);
    int sent = 0;
    for (WebSocketTestServer.Connection socket : sockets) {
      if (socket.send(frame)) {
        sent++;
      }
    }
    System.out.println(
        sent == 0
            ? "! no alert bot is connected to the fake Binance stream yet"
            : "> " + symbol + " " + words[2] + " " + qty + " @ " + price + " = $"
                + qty.multiply(price).toPlainString());
  }

  private void printNewCalls(FakeTelegramApi telegram) {
    List<RecordedCall> calls = telegram.calls();
    for (; printed < calls.size(); printed++) {
      RecordedCall call = calls.get(printed);
      String text = call.param("text");
      if (text == null) {
        continue;
      }
      String bot = call.token().equals(ALERT_TOKEN) ? "alert bot" : "command bot";
      String to = CHANNEL.equals(call.param("chat_id")) ? "channel" : "chat " + call.param("chat_id");
      System.out.printf(
          "%n[%s %s -> %s, HTTP %d]%n%s%n",
          bot, call.method(), to, call.httpStatus(), Html.toPlainText(text));
    }
  }

  private LocalFakes() {}
}
