package io.teleglas.alertbot.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.teleglas.alertbot.source.SourceStatus;
import io.teleglas.alertbot.source.SourcesView;
import io.teleglas.alertbot.stream.IngestQueue;
import io.teleglas.core.cli.BuildInfo;
import io.teleglas.core.http.HttpEndpoints;
import io.teleglas.core.http.HttpEndpoints.Response;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The alert bot's health, status and metrics endpoints (the contract's "HTTP endpoints"; bodies and
 * rules in docs/operations.md). Every answer is measured when asked: sources, queue and delivery
 * are read at that moment. A time or source that is not known is JSON {@code null}, never a made-up
 * value. Thread-safe.
 */
public final class AlertBotEndpoints {
  /** The staleness window of the market-wide liquidation streams (docs/streams.md). */
  public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(60);

  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final SourcesView sources;
  private final IngestQueue queue;
  private final DeliveryHealth delivery;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final HealthRule rule;
  private final AlertBotMetrics metrics;
  private final Instant started;
  private final String version;
  private volatile Supplier<String> role = () -> "leader";

  /**
   * @param staleAfter how long a connected source may stay silent and still count as delivering
   * @param registry where the {@code teleglas_} meters and JVM meters are registered
   */
  public AlertBotEndpoints(
      SourcesView sources,
      IngestQueue queue,
      DeliveryHealth delivery,
      ObjectMapper mapper,
      Clock clock,
      Duration staleAfter,
      PrometheusMeterRegistry registry) {
    this.sources = requireNonNull(sources, "sources is null");
    this.queue = requireNonNull(queue, "queue is null");
    this.delivery = requireNonNull(delivery, "delivery is null");
    this.mapper = requireNonNull(mapper, "mapper is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.rule = new HealthRule(requireNonNull(staleAfter, "staleAfter is null"));
    this.started = clock.instant();
    this.version = BuildInfo.version();
    this.metrics =
        new AlertBotMetrics(
            requireNonNull(registry, "registry is null"),
            sources,
            queue,
            delivery,
            () -> rule.reasons(sources.sources(), delivery, clock.instant()).isEmpty(),
            clock);
  }

  /**
   * Reports {@code role} ({@code leader} or {@code standby}) in {@code /health}; without it the
   * instance is the only one and always {@code leader}.
   */
  public AlertBotEndpoints withRole(Supplier<String> role) {
    this.role = requireNonNull(role, "role is null");
    return this;
  }

  /** Adds the five routes to {@code endpoints} (before it starts) and returns it. */
  public HttpEndpoints routeOn(HttpEndpoints endpoints) {
    return endpoints
        .route("/health", this::health)
        .route("/api/websocket/health", this::websocketHealth)
        .route("/api/websocket/sources", this::sources)
        .route("/api/websocket/active-source", this::activeSource)
        .route("/metrics", this::metrics);
  }

  /** 200 {@code {"status":"UP",...}}, or 503 {@code {"status":"DOWN","reasons":[...],...}}. */
  public Response health() {
    Instant now = clock.instant();
    List<SourceStatus> all = sources.sources();
    List<String> reasons = rule.reasons(all, delivery, now);
    boolean up = reasons.isEmpty();
    ObjectNode body = mapper.createObjectNode();
    body.put("status", up ? "UP" : "DOWN");
    body.put("role", role.get());
    if (!up) {
      reasons.forEach(body.putArray("reasons")::add);
    }
    putOrNull(body, "activeSource", sources.activeSource());
    body.put("connectedSources", all.stream().filter(SourceStatus::connected).count());
    body.put("freshSources", all.stream().filter(s -> rule.fresh(s, now)).count());
    body.put("totalSources", all.size());
    body.put("staleAfterSeconds", rule.staleAfter().toSeconds());
    body.put("queueDepth", queue.depth());
    body.put("droppedEvents", queue.droppedTotal());
    body.put("deliveryStuck", delivery.stuck());
    body.put("deliveryBacklog", delivery.backlog());
    body.put("version", version);
    body.put("uptimeSeconds", Duration.between(started, now).toSeconds());
    body.put("timestamp", now.toEpochMilli());
    return json(up ? 200 : 503, body);
  }

  /**
   * The contract's {@code /api/websocket/health}; {@code healthy} is the stream half of /health.
   */
  public Response websocketHealth() {
    Instant now = clock.instant();
    List<SourceStatus> all = sources.sources();
    ObjectNode body = mapper.createObjectNode();
    body.put("healthy", rule.anyFresh(all, now));
    putOrNull(body, "activeSource", sources.activeSource());
    body.put("connectedSources", all.stream().filter(SourceStatus::connected).count());
    body.put("totalSources", all.size());
    body.putArray("sources").addAll(all.stream().map(this::source).toList());
    body.put("updateCount", sources.updateCount());
    putNumberOrNull(body, "lastUpdate", sources.lastUpdate().map(Instant::toEpochMilli));
    body.put("timestamp", now.toEpochMilli());
    return json(200, body);
  }

  /** The contract's {@code /api/websocket/sources}. */
  public Response sources() {
    ObjectNode body = mapper.createObjectNode();
    body.putArray("sources").addAll(sources.sources().stream().map(this::source).toList());
    return json(200, body);
  }

  /** The contract's {@code /api/websocket/active-source}. */
  public Response activeSource() {
    ObjectNode body = mapper.createObjectNode();
    putOrNull(body, "activeSource", sources.activeSource());
    body.put("timestamp", clock.instant().toEpochMilli());
    return json(200, body);
  }

  /** Prometheus text format. */
  public Response metrics() {
    return new Response(200, PROMETHEUS_TEXT, metrics.scrape());
  }

  private ObjectNode source(SourceStatus s) {
    ObjectNode node = mapper.createObjectNode();
    node.put("source", s.source());
    node.put("connected", s.connected());
    node.put("state", s.state());
    putNumberOrNull(node, "latency", s.latency().map(Duration::toMillis));
    putNumberOrNull(node, "lastUpdate", s.lastUpdate().map(Instant::toEpochMilli));
    node.put("messagesReceived", s.messagesReceived());
    node.put("errors", s.errors());
    node.put("reconnects", s.reconnects());
    return node;
  }

  private static void putOrNull(ObjectNode node, String field, Optional<String> value) {
    value.ifPresentOrElse(v -> node.put(field, v), () -> node.putNull(field));
  }

  private static void putNumberOrNull(ObjectNode node, String field, Optional<Long> value) {
    value.ifPresentOrElse(v -> node.put(field, v), () -> node.putNull(field));
  }

  private Response json(int status, ObjectNode body) {
    try {
      return Response.json(status, mapper.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
