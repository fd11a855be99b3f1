package io.teleglas.alertbot.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.alertbot.alert.Alert;
import io.teleglas.alertbot.alert.AlertKind;
import io.teleglas.alertbot.alert.Thresholds;
import io.teleglas.core.market.InstrumentCatalog;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class ReplayerTest {

  private final List<Alert> alerts = new ArrayList<>();
  private final List<Replayer.BadLine> bad = new ArrayList<>();

  private Replayer.Summary replay(Reader input) throws IOException {
    return new Replayer(Thresholds.DEFAULT, new ObjectMapper(), InstrumentCatalog.bundled(), 0)
        .replay(input, alerts::add, bad::add);
  }

  private static Reader resource(String name) {
    return new InputStreamReader(
        Objects.requireNonNull(ReplayerTest.class.getResourceAsStream(name), name),
        StandardCharsets.UTF_8);
  }

  @Test
  void smallRecordingRaisesStormLargeLiquidationAndWhaleAlertsAndCountsBadLines()
      throws IOException {
    Replayer.Summary summary = replay(resource("small.jsonl"));

    assertThat(alerts)
        .extracting(Alert::rule, Alert::kind, a -> a.coin().symbol())
        .containsExactly(
            // $800K Binance long: a single above the $500K majors threshold
            tuple("large-liquidation", AlertKind.NEW, "BTC"),
            // + $900K Bybit + $800K OKX (1000 contracts x 0.01 BTC) within 30 s: $2.5M, 3 events
            tuple("liquidation-storm", AlertKind.NEW, "BTC"),
            // + $600K 14 s later: the storm grows
            tuple("liquidation-storm", AlertKind.UPDATE, "BTC"),
            // $1.5M Hyperliquid ETH taker buy
            tuple("whale-trade", AlertKind.NEW, "ETH"),
            // end of the recording: the open storm closes
            tuple("liquidation-storm", AlertKind.RESOLVED, "BTC"));
    Alert resolved = alerts.get(4);
    assertThat(resolved.eventCount()).isEqualTo(4);
    assertThat(resolved.usdValue()).isEqualTo(3_100_000.0);
    // the $150K ETH short stays below every threshold

    assertThat(bad).extracting(Replayer.BadLine::lineNumber).containsExactly(6, 7, 9, 10);
    assertThat(bad.get(0).reason()).startsWith("not JSON");
    assertThat(bad.get(1).reason()).contains("\"source\" must be one of", "missing");
    assertThat(bad.get(2).reason()).contains("\"source\" must be one of", "ftx");
    assertThat(bad.get(3).reason()).startsWith("undecodable binance frame");
    // the truncated Binance frame is a frame, just not a decodable one
    assertThat(summary.frames()).isEqualTo(7);
    assertThat(summary.events()).isEqualTo(6);
    assertThat(summary.alerts()).isEqualTo(5);
    assertThat(summary.badLines()).hasSize(4);
    assertThat(summary.line())
        .isEqualTo("replay finished: 7 frames, 6 events, 5 alerts, 4 bad lines");
  }

  @Test
  void okxFramesWithoutContractValuesAreDroppedAndReportedNotGuessed() throws IOException {
    String okx =
        "{\"at\":1735689606200,\"source\":\"okx\",\"frame\":\"{\\\"arg\\\":{\\\"channel\\\":"
            + "\\\"liquidation-orders\\\",\\\"instType\\\":\\\"SWAP\\\"},\\\"data\\\":[{\\\"details"
            + "\\\":[{\\\"bkLoss\\\":\\\"0\\\",\\\"bkPx\\\":\\\"80000.0\\\",\\\"ccy\\\":\\\"\\\","
            + "\\\"posSide\\\":\\\"long\\\",\\\"side\\\":\\\"sell\\\",\\\"sz\\\":\\\"1000\\\",\\\"ts"
            + "\\\":\\\"1735689606000\\\"}],\\\"instFamily\\\":\\\"BTC-USDT\\\",\\\"instId\\\":"
            + "\\\"BTC-USDT-SWAP\\\",\\\"instType\\\":\\\"SWAP\\\",\\\"uly\\\":\\\"BTC-USDT\\\"}]}\"}";

    Replayer.Summary summary = replay(new StringReader(okx + "\n"));

    assertThat(summary.events()).isZero();
    assertThat(alerts).isEmpty();
    assertThat(bad).hasSize(1);
    assertThat(bad.get(0).lineNumber()).isEqualTo(1);
  }

  @Test
  void bundledDemoRecordingIsCleanAndShowsEveryKindOfAlert() throws IOException {
    Replayer.Summary summary = replay(resource("demo-cascade.jsonl"));

    assertThat(bad).isEmpty();
    assertThat(summary.frames()).isGreaterThan(30);
    assertThat(alerts)
        .extracting(Alert::rule, Alert::kind)
        .contains(
            tuple("liquidation-storm", AlertKind.NEW),
            tuple("liquidation-storm", AlertKind.UPDATE),
            tuple("liquidation-storm", AlertKind.RESOLVED),
            tuple("large-liquidation", AlertKind.NEW),
            tuple("whale-trade", AlertKind.NEW));
    long opened = alerts.stream().filter(a -> a.kind() == AlertKind.NEW).count();
    long storms =
        alerts.stream()
            .filter(a -> a.rule().equals("liquidation-storm") && a.kind() == AlertKind.NEW)
            .count();
    long resolved = alerts.stream().filter(a -> a.kind() == AlertKind.RESOLVED).count();
    assertThat(storms).isEqualTo(resolved).isEqualTo(3);
    assertThat(opened).isGreaterThan(storms);
  }
}
