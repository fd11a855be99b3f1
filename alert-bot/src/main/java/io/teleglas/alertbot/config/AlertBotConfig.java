package io.teleglas.alertbot.config;

import static java.util.Objects.requireNonNull;

import io.teleglas.alertbot.alert.ThresholdsLoader;
import io.teleglas.core.config.BotTokens;
import io.teleglas.core.config.CommonConfig;
import io.teleglas.core.config.ConfigException;
import io.teleglas.core.config.ConfigReader;
import io.teleglas.core.config.Secret;
import io.teleglas.core.config.Variable;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.market.SymbolResolution;
import io.teleglas.core.market.SymbolResolver;
import io.teleglas.core.telegram.ChatId;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything the alert bot is configured with. */
public record AlertBotConfig(
    CommonConfig common,
    Optional<Secret> alertToken,
    Optional<ChatId> alertChannel,
    Optional<ChatId> adminChat,
    List<SourceId> sources,
    List<Coin> symbols,
    Optional<Path> rulesFile,
    StreamUrls streamUrls,
    Optional<InetSocketAddress> httpAddress) {

  public static final Variable TELEGRAM_ALERT_CHANNEL_ID =
      Variable.optional(
          "TELEGRAM_ALERT_CHANNEL_ID",
          "channel or group that receives alerts: numeric id (-1001234567890) or @name; required with a token");
  public static final Variable TELEGRAM_ADMIN_CHAT_ID =
      Variable.optional(
          "TELEGRAM_ADMIN_CHAT_ID",
          "optional chat for operational notices (source switched, data gap, delivery backlog)");
  public static final Variable ALERT_SOURCES =
      Variable.withDefault(
          "ALERT_SOURCES",
          "coinglass,binance,bybit,okx,hyperliquid",
          "sources in priority order; coinglass is skipped when no key is set");
  public static final Variable ALERT_SYMBOLS =
      Variable.withDefault(
          "ALERT_SYMBOLS",
          "BTC,ETH,SOL,XRP,DOGE,BNB",
          "coins whose trade streams are watched for whale trades (liquidations are market-wide)");
  public static final Variable ALERT_RULES_FILE =
      Variable.optional(
          "ALERT_RULES_FILE",
          "optional YAML file overriding rule thresholds (format in docs/alert-rules.md)");
  public static final Variable COINGLASS_WS_URL =
      Variable.withDefault(
          "COINGLASS_WS_URL",
          "wss://open-ws.coinglass.com/ws-api",
          "CoinGlass WebSocket base (the key is appended as ?cg-api-key=)");
  public static final Variable BINANCE_WS_URL =
      Variable.withDefault(
          "BINANCE_WS_URL",
          "wss://fstream.binance.com/market",
          "Binance USDⓈ-M market-stream base");
  public static final Variable BYBIT_WS_URL =
      Variable.withDefault(
          "BYBIT_WS_URL",
          "wss://stream.bybit.com/v5/public/linear",
          "Bybit v5 public linear stream");
  public static final Variable OKX_WS_URL =
      Variable.withDefault(
          "OKX_WS_URL", "wss://ws.okx.com:8443/ws/v5/public", "OKX v5 public stream");
  public static final Variable HYPERLIQUID_WS_URL =
      Variable.withDefault(
          "HYPERLIQUID_WS_URL", "wss://api.hyperliquid.xyz/ws", "Hyperliquid stream");
  public static final Variable ALERT_HTTP_ADDR =
      Variable.withDefault(
          "ALERT_HTTP_ADDR",
          "127.0.0.1:8081",
          "health, status and metrics listener, host:port; off disables it");

  /** Every variable the alert bot reads, in the order {@code --help} lists them. */
  public static final List<Variable> VARIABLES;

  static {
    List<Variable> all =
        new ArrayList<>(
            List.of(
                BotTokens.TELEGRAM_ALERT_TOKEN,
                TELEGRAM_ALERT_CHANNEL_ID,
                TELEGRAM_ADMIN_CHAT_ID,
                ALERT_SOURCES,
                ALERT_SYMBOLS,
                ALERT_RULES_FILE,
                COINGLASS_WS_URL,
                BINANCE_WS_URL,
                BYBIT_WS_URL,
                OKX_WS_URL,
                HYPERLIQUID_WS_URL,
                ALERT_HTTP_ADDR));
    all.addAll(CommonConfig.VARIABLES);
    all.add(BotTokens.TELEGRAM_BOT_TOKEN);
    VARIABLES = List.copyOf(all);
  }

  public AlertBotConfig {
    requireNonNull(common, "common is null");
    requireNonNull(alertToken, "alertToken is null");
    requireNonNull(alertChannel, "alertChannel is null");
    requireNonNull(adminChat, "adminChat is null");
    sources = List.copyOf(sources);
    symbols = List.copyOf(symbols);
    requireNonNull(rulesFile, "rulesFile is null");
    requireNonNull(streamUrls, "streamUrls is null");
    requireNonNull(httpAddress, "httpAddress is null");
  }

  /**
   * Reads and validates the alert bot's configuration for {@code mode}, throwing a {@link
   * io.teleglas.core.config.ConfigException} that lists every problem.
   */
  public static AlertBotConfig read(ConfigReader reader, RunMode mode) {
    Optional<Secret> token =
        BotTokens.read(
            reader,
            BotTokens.TELEGRAM_ALERT_TOKEN,
            mode.needsTelegram()
                ? Optional.of(
                    "the alert bot's token from @BotFather (or try it without Telegram: --demo or --dry-run)")
                : Optional.empty());
    Optional<ChatId> channel = chat(reader, TELEGRAM_ALERT_CHANNEL_ID, mode.needsTelegram());
    Optional<ChatId> admin = chat(reader, TELEGRAM_ADMIN_CHAT_ID, false);
    CommonConfig common = CommonConfig.read(reader);
    List<SourceId> sources =
        sources(reader, common != null && common.coinglassApiKey().isPresent());
    List<Coin> symbols = symbols(reader);
    Optional<Path> rules = reader.path(ALERT_RULES_FILE);
    rules.ifPresent(
        p -> {
          if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            reader.problem(ALERT_RULES_FILE, "'" + p + "' is not a readable file");
            return;
          }
          try {
            ThresholdsLoader.load(p);
          } catch (ConfigException e) {
            e.problems().forEach(problem -> reader.problem(problem.variable(), problem.message()));
          }
        });
    Optional<URI> coinglassWs = ws(reader, COINGLASS_WS_URL);
    Optional<URI> binanceWs = ws(reader, BINANCE_WS_URL);
    Optional<URI> bybitWs = ws(reader, BYBIT_WS_URL);
    Optional<URI> okxWs = ws(reader, OKX_WS_URL);
    Optional<URI> hyperliquidWs = ws(reader, HYPERLIQUID_WS_URL);
    Optional<InetSocketAddress> http = reader.listenAddress(ALERT_HTTP_ADDR);
    Optional<Secret> botToken = BotTokens.read(reader, BotTokens.TELEGRAM_BOT_TOKEN);
    BotTokens.requireDistinct(reader, botToken, token);
    reader.finish();
    StreamUrls urls =
        new StreamUrls(
            coinglassWs.orElseThrow(),
            binanceWs.orElseThrow(),
            bybitWs.orElseThrow(),
            okxWs.orElseThrow(),
            hyperliquidWs.orElseThrow());
    return new AlertBotConfig(common, token, channel, admin, sources, symbols, rules, urls, http);
  }

  private static Optional<ChatId> chat(ConfigReader reader, Variable v, boolean required) {
    Optional<String> raw = reader.raw(v);
    if (raw.isEmpty() && required) {
      reader.problem(
          v,
          "is required: the channel or group that receives alerts (the bot must be an administrator there)");
    }
    return raw.flatMap(
        value -> {
          try {
            return Optional.of(new ChatId(value));
          } catch (IllegalArgumentException e) {
            reader.problem(v, ConfigReader.quote(value) + " is invalid: " + e.getMessage());
            return Optional.empty();
          }
        });
  }

  private static List<SourceId> sources(ConfigReader reader, boolean haveCoinglassKey) {
    List<SourceId> sources = new ArrayList<>();
    for (String item : reader.list(ALERT_SOURCES)) {
      Optional<SourceId> source = SourceId.parse(item);
      if (source.isEmpty()) {
        reader.problem(
            ALERT_SOURCES,
            ConfigReader.quote(item)
                + " is not a source; expected some of coinglass, binance, bybit, okx, hyperliquid");
      } else if (source.get() == SourceId.COINGLASS && !haveCoinglassKey) {
        reader.note("coinglass is skipped because COINGLASS_API_KEY is not set");
      } else {
        sources.add(source.get());
      }
    }
    if (sources.isEmpty()) {
      reader.problem(
          ALERT_SOURCES,
          "leaves no usable source (coinglass needs COINGLASS_API_KEY); list at least one of binance, bybit, okx, hyperliquid");
    }
    return sources;
  }

  private static List<Coin> symbols(ConfigReader reader) {
    SymbolResolver resolver = new SymbolResolver(InstrumentCatalog.bundled());
    List<Coin> coins = new ArrayList<>();
    for (String item : reader.list(ALERT_SYMBOLS)) {
      SymbolResolution resolution = resolver.resolve(item);
      if (resolution instanceof SymbolResolution.Rejected rejected) {
        reader.problem(ALERT_SYMBOLS, ConfigReader.quote(item) + ": " + rejected.reason());
      } else if (resolution instanceof SymbolResolution.Resolved resolved) {
        if (coins.contains(resolved.coin())) {
          reader.problem(
              ALERT_SYMBOLS,
              ConfigReader.quote(item) + " names " + resolved.coin().symbol() + " again");
        } else {
          coins.add(resolved.coin());
        }
      }
    }
    if (coins.isEmpty()) {
      reader.problem(ALERT_SYMBOLS, "lists no coin; expected names like BTC,ETH,SOL");
    }
    return coins;
  }

  private static Optional<URI> ws(ConfigReader reader, Variable v) {
    return reader.baseUrl(v, "wss", "ws", true);
  }
}
