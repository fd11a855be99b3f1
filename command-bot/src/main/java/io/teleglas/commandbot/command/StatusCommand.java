package io.teleglas.commandbot.command;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.teleglas.commandbot.market.MarketData;
import io.teleglas.core.cli.BuildInfo;
import io.teleglas.core.coinglass.CoinglassRateLimiter;
import io.teleglas.core.telegram.Formats;
import io.teleglas.core.telegram.Html;
import io.teleglas.core.telegram.PollHealth;
import io.teleglas.core.upstream.UpstreamMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /status}: what this process has measured, never a canned "all systems operational":
 * version and uptime, how Telegram polling is going, commands answered, and for every upstream the
 * last call, its result and latency and the errors of the last hour; for CoinGlass also the request
 * budget and cache hits. A figure with nothing measured yet says so.
 */
public final class StatusCommand implements ChatCommand {
  private final MarketData market;
  private final UpstreamMeter meter;
  private final CommandCounts counts;
  private final Supplier<Optional<PollHealth.Snapshot>> polling;
  private final Instant started;
  private final Clock clock;

  /**
   * @param polling Telegram polling health; empty in console mode
   * @param started when the bot started, for the uptime
   */
  public StatusCommand(
      MarketData market,
      UpstreamMeter meter,
      CommandCounts counts,
      Supplier<Optional<PollHealth.Snapshot>> polling,
      Instant started,
      Clock clock) {
    this.market = market;
    this.meter = meter;
    this.counts = counts;
    this.polling = polling;
    this.started = started;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "status";
  }

  @Override
  public String description() {
    return "bot health: uptime, data sources, latency, errors";
  }

  @Override
  public Reply reply(CommandRequest request) {
    Instant now = clock.instant();
    StringBuilder out =
        new StringBuilder("<b>Status</b>  command-bot ")
            .append(Html.escape(BuildInfo.version()))
            .append('\n');
    out.append("Up ")
        .append(Formats.duration(since(started, now)))
        .append(", since ")
        .append(Formats.utc(started))
        .append('\n');
    out.append("Telegram  ").append(polling(polling.get(), now)).append('\n');
    CommandCounts.LastHour hour = counts.lastHour();
    out.append("Commands  ")
        .append(hour.served())
        .append(" answered in the last hour, ")
        .append(hour.failed())
        .append(" failed\n");
    out.append('\n').append(upstreams(meter.states(), now));
    out.append('\n').append(coinglass());
    return Reply.refreshable(out.toString().stripTrailing(), "/status");
  }

  static String polling(Optional<PollHealth.Snapshot> health, Instant now) {
    if (health.isEmpty()) {
      return "console mode, not polling";
    }
    PollHealth.Snapshot s = health.get();
    String lastSuccess =
        s.lastSuccess()
            .map(t -> "last answer " + Formats.ago(since(t, now)))
            .orElse("no answer yet");
    if (s.consecutiveFailures() > 0) {
      return "polling <b>failing</b>: "
          + Html.escape(s.lastError().orElse("unknown error"))
          + ", "
          + s.consecutiveFailures()
          + " in a row; "
          + lastSuccess;
    }
    return s.lastSuccess().isPresent() ? "polling ok, " + lastSuccess : "polling, no answer yet";
  }

  static String upstreams(List<UpstreamMeter.UpstreamState> states, Instant now) {
    StringBuilder out =
        new StringBuilder("<b>Upstreams</b>  <i>last call · result · latency · errors 1h</i>\n");
    if (states.isEmpty()) {
      return out.append("<i>no calls yet</i>\n").toString();
    }
    for (UpstreamMeter.UpstreamState s : states) {
      out.append(s.lastOk() ? "✅ " : "⚠️ ")
          .append(Html.escape(s.upstream()))
          .append("  ")
          .append(Formats.ago(since(s.lastCall(), now)))
          .append(" · ")
          .append(s.lastOk() ? "ok" : "failed")
          .append(" · ")
          .append(s.lastLatency().toMillis())
          .append(" ms · ")
          .append(s.errorsLastHour())
          .append(s.errorsLastHour() == 1 ? " error" : " errors")
          .append('\n');
    }
    return out.toString();
  }

  private String coinglass() {
    Optional<CoinglassRateLimiter.Budget> budget = market.coinglassBudget();
    if (!market.hasCoinglass() || budget.isEmpty()) {
      return "<b>CoinGlass</b>  no key configured: whale alerts and CoinGlass-only figures are"
          + " unavailable, the rest comes from the exchanges\n";
    }
    CoinglassRateLimiter.Budget b = budget.get();
    StringBuilder out = new StringBuilder("<b>CoinGlass</b>  key configured\n");
    out.append("Budget  ")
        .append(b.used())
        .append(" of ")
        .append(b.limitPerMinute())
        .append(" requests/min used, ")
        .append(b.remaining())
        .append(" left\n");
    out.append("Cache  ").append(cache(market.coinglassCache().orElse(CacheStats.empty())));
    return out.append('\n').toString();
  }

  static String cache(CacheStats stats) {
    if (stats.requestCount() == 0) {
      return "no calls yet";
    }
    return Math.round(100 * stats.hitRate())
        + "% hits ("
        + stats.hitCount()
        + " of "
        + stats.requestCount()
        + " lookups)";
  }

  private static Duration since(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    return d.isNegative() ? Duration.ZERO : d;
  }
}
