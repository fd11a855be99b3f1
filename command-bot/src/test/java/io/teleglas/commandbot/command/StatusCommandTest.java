package io.teleglas.commandbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teleglas.commandbot.market.MarketData;
import io.teleglas.core.cli.BuildInfo;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.telegram.PollHealth;
import io.teleglas.core.upstream.UpstreamMeter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusCommandTest {
  private static final Instant STARTED = Instant.parse("2026-03-01T09:00:00Z");

  private final SettableClock clock = new SettableClock(STARTED);
  private final UpstreamMeter meter = new UpstreamMeter(new SimpleMeterRegistry(), clock);
  private final CommandCounts counts = new CommandCounts(clock);
  private final MarketData keyless =
      new MarketData(
          Optional.empty(), List.of(), InstrumentCatalog.bundled(), Duration.ofSeconds(1), clock);
  private Optional<PollHealth.Snapshot> polling = Optional.empty();

  private String status() {
    Reply reply =
        new StatusCommand(keyless, meter, counts, () -> polling, STARTED, clock)
            .reply(new CommandRequest(1, 1, "status", List.of()));
    assertThat(reply.refresh()).contains("/status");
    return reply.html();
  }

  @Test
  void reply_beforeAnyCallSaysNothingWasMeasuredYet() {
    clock.advance(Duration.ofSeconds(42));

    assertThat(status())
        .startsWith("<b>Status</b>  command-bot " + BuildInfo.version() + "\n")
        .contains("Up 42s, since 2026-03-01 09:00 UTC\n")
        .contains("Telegram  console mode, not polling\n")
        .contains("Commands  0 answered in the last hour, 0 failed\n")
        .contains("<i>no calls yet</i>")
        .contains("<b>CoinGlass</b>  no key configured")
        .doesNotContain("operational", "ms ·");
  }

  @Test
  void reply_showsEachUpstreamsLastCallResultLatencyAndErrorsOfTheLastHour() {
    meter.record("OKX", "trades", "upstream_error", Duration.ofMillis(950));
    clock.advance(Duration.ofMinutes(61));
    meter.record("Binance", "aggTrades", "ok", Duration.ofMillis(84));
    meter.record("OKX", "trades", "timeout", Duration.ofMillis(3000));
    meter.record("OKX", "trades", "rate_limited", Duration.ofMillis(412));
    clock.advance(Duration.ofSeconds(12));
    counts.record(false);
    counts.record(false);
    counts.record(true);

    assertThat(status())
        .contains("Up 1h 1m, since 2026-03-01 09:00 UTC\n")
        .contains("✅ Binance  12s ago · ok · 84 ms · 0 errors\n")
        .contains("⚠️ OKX  12s ago · failed · 412 ms · 2 errors\n")
        .contains("Commands  3 answered in the last hour, 1 failed\n");
  }

  @Test
  void polling_reportsSuccessFailureAndConsoleMode() {
    Instant now = STARTED.plusSeconds(600);
    PollHealth.Snapshot ok =
        new PollHealth.Snapshot(
            Optional.of(now.minusSeconds(4)), Optional.empty(), Optional.empty(), 0);
    PollHealth.Snapshot failing =
        new PollHealth.Snapshot(
            Optional.of(now.minusSeconds(300)),
            Optional.of(now.minusSeconds(2)),
            Optional.of("HTTP 409 <Conflict>"),
            3);
    PollHealth.Snapshot fresh =
        new PollHealth.Snapshot(Optional.empty(), Optional.empty(), Optional.empty(), 0);

    assertThat(StatusCommand.polling(Optional.of(ok), now))
        .isEqualTo("polling ok, last answer 4s ago");
    assertThat(StatusCommand.polling(Optional.of(failing), now))
        .isEqualTo(
            "polling <b>failing</b>: HTTP 409 &lt;Conflict&gt;, 3 in a row; last answer 5m ago");
    assertThat(StatusCommand.polling(Optional.of(fresh), now)).isEqualTo("polling, no answer yet");
    assertThat(StatusCommand.polling(Optional.empty(), now)).isEqualTo("console mode, not polling");
  }

  @Test
  void reply_showsTelegramPollingWhenRunningUnderTelegram() {
    clock.advance(Duration.ofMinutes(1));
    polling =
        Optional.of(
            new PollHealth.Snapshot(
                Optional.of(clock.instant().minusSeconds(7)),
                Optional.empty(),
                Optional.empty(),
                0));

    assertThat(status()).contains("Telegram  polling ok, last answer 7s ago\n");
  }

  @Test
  void cache_showsHitRateOrThatNothingWasLookedUp() {
    assertThat(StatusCommand.cache(CacheStats.empty())).isEqualTo("no calls yet");
    assertThat(StatusCommand.cache(CacheStats.of(8, 4, 4, 0, 0, 0, 0)))
        .isEqualTo("67% hits (8 of 12 lookups)");
  }

  @Test
  void upstreams_escapesNames() {
    UpstreamMeter.UpstreamState s =
        new UpstreamMeter.UpstreamState("<x>", STARTED, true, Duration.ofMillis(5), 1);

    assertThat(StatusCommand.upstreams(List.of(s), STARTED.plusSeconds(90)))
        .contains("✅ &lt;x&gt;  1m ago · ok · 5 ms · 1 error\n");
  }
}
