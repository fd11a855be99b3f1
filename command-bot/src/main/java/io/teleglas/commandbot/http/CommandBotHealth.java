package io.teleglas.commandbot.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teleglas.core.cli.BuildInfo;
import io.teleglas.core.http.HttpEndpoints.Response;
import io.teleglas.core.telegram.PollHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code GET /health} of the command bot: 200 {@code {"status":"UP",...}} while the Telegram long
 * poll works (a poll succeeded or is being held within the last two minutes and the last one did
 * not fail), 503 with the reason otherwise. Measured, not static.
 */
public final class CommandBotHealth {
  /** A held long poll lasts 50 s; two of them plus slack. */
  static final Duration MAX_POLL_AGE = Duration.ofSeconds(120);

  private final PollHealth poll;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final Instant started;

  public CommandBotHealth(PollHealth poll, ObjectMapper mapper, Clock clock) {
    this.poll = poll;
    this.mapper = mapper;
    this.clock = clock;
    this.started = clock.instant();
  }

  public Response get() {
    PollHealth.Snapshot s = poll.snapshot();
    boolean up = poll.healthy(MAX_POLL_AGE);
    ObjectNode body = mapper.createObjectNode();
    body.put("status", up ? "UP" : "DOWN");
    body.put("version", BuildInfo.version());
    body.put("uptimeSeconds", Duration.between(started, clock.instant()).toSeconds());
    ObjectNode telegram = body.putObject("telegram");
    s.lastSuccess().ifPresent(t -> telegram.put("lastPollSuccess", t.toEpochMilli()));
    s.lastFailure().ifPresent(t -> telegram.put("lastPollFailure", t.toEpochMilli()));
    s.lastError().ifPresent(e -> telegram.put("lastError", e));
    telegram.put("consecutiveFailures", s.consecutiveFailures());
    if (!up) {
      body.putArray("reasons")
          .add(
              s.consecutiveFailures() > 0
                  ? "Telegram long poll failing: " + s.lastError().orElse("unknown error")
                  : "no successful Telegram long poll in the last "
                      + MAX_POLL_AGE.toSeconds()
                      + " s");
    }
    return Response.json(up ? 200 : 503, body.toString());
  }
}
