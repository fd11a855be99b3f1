import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.commandbot.offline.OfflineUpstream;
import io.teleglas.core.config.Secret;
import io.teleglas.core.telegram.Html;
import io.teleglas.core.testing.FakeTelegramApi;
import io.teleglas.core.testing.RecordedCall;
import io.teleglas.core.testing.WebSocketTestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Local fakes for running both bots without tokens, a channel, a CoinGlass key or the internet, run
 * by {@code scripts/local-fakes.sh}. Everything listens on 127.0.0.1:
 *
 * <ul>
 *   <li>the test suite's fake Telegram Bot API ({@code FakeTelegramApi}) for both bots' tokens;
 *   <li>CoinGlass v4 REST and the keyless Binance, Bybit, OKX and Hyperliquid REST APIs, answered
 *       from the command bot's bundled sample data ({@code OfflineUpstream}, the same files {@code
 *       --console --offline} serves, in the documented response shapes), behind one base URL;
 *   <li>a Binance market stream ({@code WebSocketTestServer} speaking the combined-stream
 *       protocol): one small aggregate trade per subscribed coin each second at the sample ticker's
 *       last price, far below every alert threshold, so the alert bot's source is live as on a real
 *       market; liquidations only when typed.
 * </ul>
 *
 * <p>Writes a {@code .env} pointing the bots at all of them (with a CoinGlass key the fake accepts),
 * prints every message the bots send as the chat shows it, and reads commands from stdin to play a
 * user or the market. Single-threaded apart from the fakes' own servers, one printer and one tape
 * thread; stdin EOF or {@code quit} stops everything.
 */
public final class LocalFakes {
  static final String COMMAND_TOKEN = "7000000001:local-command-token-0123456789abcdef";
  static final String ALERT_TOKEN = "7000000002:local-alert-token-0123456789abcdefgh";
  static final String CHANNEL = "-1001234567890";
  /** The only CG-API-KEY the fake CoinGlass accepts; not a real key. */
  static final String COINGLASS_KEY = "local-fakes-coinglass-key";
  /** The coins the bundled sample data covers, so the alert bot watches exactly these. */
  static final List<String> COINS = List.of("BTC", "ETH", "SOL");
  /** One tape trade is worth about this much: visible in the metrics, never an alert. */
  private static final BigDecimal TAPE_TRADE_USD = new BigDecimal("2500");

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
  private final Map<String, BigDecimal> prices = new LinkedHashMap<>();
  private final AtomicLong tradeIds = new AtomicLong(1);
  private int printed;

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: LocalFakes DIRECTORY  (where .env is written)");
      System.exit(2);
    }
    new LocalFakes().run(Path.of(args[0]));
  }

  private void run(Path dir) throws IOException, InterruptedException {
    try (FakeTelegramApi telegram = FakeTelegramApi.start();
        WebSocketTestServer binance = WebSocketTestServer.start();
        OfflineUpstream rest = OfflineUpstream.start(Secret.of(COINGLASS_KEY), Clock.systemUTC())) {
      telegram.bot(COMMAND_TOKEN).identity(7000000001L, "Local command bot", "local_command_bot");
      telegram.bot(ALERT_TOKEN).identity(7000000002L, "Local alert bot", "local_alert_bot");
      readTickerPrices(rest.baseUrl());
      binance.onOpen(sockets::add);
      Path env = writeEnv(dir, telegram.baseUrl(), rest.baseUrl(), binance.url("/market"));
      System.out.println("Fake Telegram at " + telegram.baseUrl());
      System.out.println("Fake CoinGlass and exchange REST APIs at " + rest.baseUrl());
      System.out.println("Fake Binance stream at " + binance.url("/market"));
      System.out.println("Wrote " + env.toAbsolutePath());
      System.out.println(HELP);
      ScheduledExecutorService threads = Executors.newScheduledThreadPool(2);
      threads.scheduleWithFixedDelay(() -> printNewCalls(telegram), 200, 200, TimeUnit.MILLISECONDS);
      threads.scheduleAtFixedRate(this::tape, 1, 1, TimeUnit.SECONDS);
      try {
        readCommands(telegram);
      } finally {
        threads.shutdownNow();
        telegram.answerPollsImmediately();
      }
    }
  }

  /** The sample Binance tickers' last prices, so the tape trades where the REST answers say. */
  private void readTickerPrices(URI rest) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ObjectMapper mapper = new ObjectMapper();
    for (String coin : COINS) {
      URI uri = rest.resolve("/fapi/v1/ticker/24hr?symbol=" + coin + "USDT");
      HttpResponse<String> answer =
          http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
      JsonNode ticker = mapper.readTree(answer.body());
      if (answer.statusCode() != 200 || !ticker.hasNonNull("lastPrice")) {
        throw new IllegalStateException("the sample data has no Binance ticker for " + coin);
      }
      prices.put(coin + "USDT", new BigDecimal(ticker.get("lastPrice").asText()));
    }
  }

  private static Path writeEnv(Path dir, String telegramUrl, URI restUrl, String binanceWs)
      throws IOException {
    Files.createDirectories(dir);
    Path env = dir.resolve(".env");
    String text =
        String.join(
            "\n",
            "# Written by scripts/local-fakes.sh: both bots against local fakes on 127.0.0.1.",
            "# Not for production: the tokens and the key below work only against these fakes.",
            "TELEGRAM_API_URL=" + telegramUrl,
            "TELEGRAM_BOT_TOKEN=" + COMMAND_TOKEN,
            "TELEGRAM_ALERT_TOKEN=" + ALERT_TOKEN,
            "TELEGRAM_ALERT_CHANNEL_ID=" + CHANNEL,
            "# CoinGlass and the exchanges' REST APIs: one fake serving the bundled sample data.",
            "COINGLASS_API_KEY=" + COINGLASS_KEY,
            "COINGLASS_API_URL=" + restUrl,
            "BINANCE_FAPI_URL=" + restUrl,
            "BYBIT_API_URL=" + restUrl,
            "OKX_API_URL=" + restUrl,
            "HYPERLIQUID_API_URL=" + restUrl,
            "# Only the fake Binance stream, and only the coins the sample data covers.",
            "ALERT_SOURCES=binance",
            "ALERT_SYMBOLS=" + String.join(",", COINS),
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

  /**
   * One aggregate trade per subscribed coin on every open stream, alternating sides: about $2,500
   * each at the sample ticker's price, the quiet tape of a real market.
   */
  private void tape() {
    long now = System.currentTimeMillis();
    for (WebSocketTestServer.Connection socket : sockets) {
      String streams = socket.queryParameter("streams");
      if (!socket.isOpen() || streams == null) {
        continue;
      }
      for (String stream : streams.split("/")) {
        if (!stream.endsWith("@aggTrade")) {
          continue;
        }
        String symbol = stream.substring(0, stream.indexOf('@')).toUpperCase(Locale.ROOT);
        BigDecimal price = prices.get(symbol);
        if (price == null) {
          continue;
        }
        long id = tradeIds.getAndIncrement();
        BigDecimal qty =
            TAPE_TRADE_USD.divide(price, 3, RoundingMode.HALF_UP).max(new BigDecimal("0.001"));
        socket.send(
            String.format(
                "{\"stream\":\"%s\",\"data\":{\"e\":\"aggTrade\",\"E\":%d,\"s\":\"%s\",\"a\":%d,"
                    + "\"p\":\"%s\",\"q\":\"%s\",\"f\":%d,\"l\":%d,\"T\":%d,\"m\":%b}}",
                stream, now, symbol, id, price.toPlainString(), qty.toPlainString(), id, id, now,
                id % 2 == 0));
      }
    }
  }

  private void liquidation(String[] words) {
    if (words.length != 5 || !words[2].matches("BUY|SELL")) {
      throw new IllegalArgumentException("usage: liq COIN BUY|SELL QTY PRICE");
    }
    BigDecimal qty = new BigDecimal(words[3]);
    BigDecimal price = new BigDecimal(words[4]);
    long now = System.currentTimeMillis();
    String symbol = words[1].toUpperCase(Locale.ROOT) + "USDT";
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
