package io.teleglas.alertbot.stream;

import static java.util.Objects.requireNonNull;

import io.teleglas.alertbot.stream.StreamProtocol.Heartbeat;
import io.teleglas.core.market.MarketEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection to one venue for a fixed list of topics, kept alive for as long as the
 * session is open: it connects, subscribes, waits for the acks, keeps the text heartbeat, watches
 * for silence, and after any loss reconnects with {@link Backoff} and subscribes again. Every
 * decoded event goes to the {@link EventSink}; nothing else happens on the socket thread.
 *
 * <p>A connection counts as dead, and is replaced, when the venue closes it, the socket fails
 * (including OkHttp's protocol ping timeout), the acks do not arrive within the ack timeout, a
 * heartbeat is not answered before the next one is due, or no frame at all arrives for {@link
 * StreamProtocol#maxSilence}. Logs show transitions only: connected, lost (with the reason),
 * recovered after N attempts; further failed attempts log at DEBUG.
 *
 * <p><b>Threading.</b> Socket callbacks run on OkHttp's reader thread, timers and listener calls on
 * the context's scheduler; all methods are thread-safe. <b>Lifecycle.</b> {@link #start()} once;
 * {@link #close()} sends close 1000, cancels every task of the session, and no reconnect follows.
 */
public final class StreamSession implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StreamSession.class);
  private static final Duration PROBLEM_LOG_PERIOD = Duration.ofMinutes(1);
  private static final int FRAME_EXCERPT = 200;

  private final StreamContext context;
  private final StreamProtocol protocol;
  private final List<String> topics;
  private final EventSink sink;
  private final SessionListener listener;
  private final String name;
  private final Request request;
  private final String shownUrl;
  private final OkHttpClient client;
  private final Clock clock;
  private final Backoff backoff;
  private final Duration maxSilence;
  private final Duration watchPeriod;
  private final Optional<Heartbeat> heartbeat;
  private final SessionTimers timers;
  private final SessionStats stats = new SessionStats();
  private final LogThrottle invalidLog;
  private final LogThrottle problemLog;

  // Guarded by this.
  private SessionState state = SessionState.NEW;
  private Connection current;
  private ScheduledFuture<?> pendingConnect;
  private boolean attempted;
  private boolean everLive;
  private int failedAttempts;
  private Instant downSince;
  private String lastProblem;

  public StreamSession(
      StreamContext context,
      StreamProtocol protocol,
      URI base,
      List<String> topics,
      EventSink sink,
      SessionListener listener) {
    this.context = requireNonNull(context, "context is null");
    this.protocol = requireNonNull(protocol, "protocol is null");
    this.topics = List.copyOf(topics);
    this.sink = requireNonNull(sink, "sink is null");
    this.listener = requireNonNull(listener, "listener is null");
    this.name = protocol.source() + describe(this.topics);
    URI endpoint = protocol.endpoint(base, this.topics);
    this.request = new Request.Builder().url(endpoint.toString()).build();
    this.shownUrl = withoutQuery(endpoint);
    this.client =
        context.client().newBuilder().pingInterval(protocol.protocolPingInterval()).build();
    this.clock = context.clock();
    this.backoff = context.backoffs().get();
    this.maxSilence = positive(protocol.maxSilence(this.topics), "maxSilence");
    this.watchPeriod = clamp(maxSilence.dividedBy(5), Duration.ofMillis(10), Duration.ofSeconds(5));
    this.heartbeat = protocol.heartbeat();
    heartbeat.ifPresent(h -> positive(h.interval(), "heartbeat interval"));
    this.timers = new SessionTimers(context.scheduler(), name);
    this.invalidLog = new LogThrottle(clock, PROBLEM_LOG_PERIOD);
    this.problemLog = new LogThrottle(clock, PROBLEM_LOG_PERIOD);
  }

  /** Opens the first connection. */
  public void start() {
    synchronized (this) {
      if (state != SessionState.NEW) {
        throw new IllegalStateException(name + " was already started");
      }
    }
    connect();
  }

  /** Sends close 1000 on the open socket, if any, and stops every task; idempotent. */
  @Override
  public void close() {
    Connection c;
    boolean wasStarted;
    synchronized (this) {
      if (state == SessionState.CLOSED) {
        return;
      }
      wasStarted = state != SessionState.NEW;
      state = SessionState.CLOSED;
      if (pendingConnect != null) {
        pendingConnect.cancel(false);
      }
      c = current;
      current = null;
      if (c != null) {
        c.cancelTasks();
      }
    }
    if (c != null && c.socket != null) {
      c.socket.close(1000, "closing");
    }
    if (wasStarted) {
      log.info("{}: closed", name);
    }
  }

  public String source() {
    return protocol.source();
  }

  public List<String> topics() {
    return topics;
  }

  public synchronized SessionState state() {
    return state;
  }

  /** The figures of this session now. */
  public SessionSnapshot snapshot() {
    SessionState s;
    Optional<Instant> since;
    int failures;
    Optional<String> problem;
    synchronized (this) {
      s = state;
      since = current == null ? Optional.empty() : Optional.ofNullable(current.openedAt);
      failures = failedAttempts;
      problem = Optional.ofNullable(lastProblem);
    }
    return stats.snapshot(protocol.source(), topics, s, since, failures, problem);
  }

  @Override
  public String toString() {
    return name;
  }

  private void connect() {
    Connection c;
    synchronized (this) {
      if (state == SessionState.CLOSED) {
        return;
      }
      pendingConnect = null;
      if (attempted) {
        stats.reconnect();
      }
      attempted = true;
      c = new Connection();
      current = c;
      state = SessionState.CONNECTING;
    }
    WebSocket socket = client.newWebSocket(request, c);
    synchronized (this) {
      if (c.socket == null) {
        c.socket = socket;
      }
      if (current == c) {
        return;
      }
    }
    socket.cancel(); // closed or already failed before newWebSocket returned
  }

  private void opened(Connection c, WebSocket socket) {
    List<String> subscribes = protocol.subscribeMessages(topics);
    synchronized (this) {
      if (current != c) {
        return;
      }
      Instant now = clock.instant();
      c.socket = socket;
      c.openedAt = now;
      c.lastFrameAt = now;
      c.pendingAcks = protocol.acknowledgesSubscriptions() ? subscribes.size() : 0;
      state = SessionState.SUBSCRIBING;
      c.schedule(timers.every(watchPeriod, () -> checkSilence(c)));
      heartbeat.ifPresent(h -> c.schedule(timers.every(h.interval(), () -> beat(c, h))));
      if (c.pendingAcks > 0) {
        c.schedule(timers.after(context.ackTimeout(), () -> ackTimedOut(c)));
      }
    }
    for (String message : subscribes) {
      if (!socket.send(message)) {
        lost(c, "could not send a subscribe message");
        return;
      }
    }
  }

  private void received(Connection c, String text) {
    Instant now = clock.instant();
    switch (classify(c, text, now)) {
      case SKIP -> {}
      case LAST_ACK -> becameLive(c);
      case DECODE -> handle(c, text, decode(text, now), now);
    }
  }

  private void handle(Connection c, String text, Decoded decoded, Instant receivedAt) {
    switch (decoded.kind()) {
      case DATA -> {
        deliver(decoded.events(), receivedAt);
        if (decoded.dropped() > 0) {
          invalid(decoded.error().orElse("unreadable items"), text);
        }
        liveOnFirstFrame(c);
      }
      case CONTROL -> liveOnFirstFrame(c);
      case REJECTED -> rejected(c, decoded.error().orElse("rejected"));
      case INVALID -> invalid(decoded.error().orElse("unreadable"), text);
    }
  }

  /** What a frame needs beyond being recorded. */
  private enum FrameRole {
    /** Nothing: another connection's frame, a heartbeat reply, or an ack while more are due. */
    SKIP,
    /** It was the last subscription ack due. */
    LAST_ACK,
    /** Decode it. */
    DECODE
  }

  private synchronized FrameRole classify(Connection c, String text, Instant now) {
    if (current != c) {
      return FrameRole.SKIP;
    }
    c.lastFrameAt = now;
    stats.message(now);
    if (heartbeat.isPresent() && isReply(text, heartbeat.get().expectedReply())) {
      c.heartbeatSentAt = null;
      return FrameRole.SKIP;
    }
    if (c.pendingAcks > 0 && protocol.isSubscribeAck(text)) {
      c.pendingAcks--;
      return c.pendingAcks == 0 ? FrameRole.LAST_ACK : FrameRole.SKIP;
    }
    return FrameRole.DECODE;
  }

  private Decoded decode(String text, Instant receivedAt) {
    try {
      return protocol.decode(text, receivedAt);
    } catch (RuntimeException e) {
      return Decoded.invalid("the decoder threw " + e);
    }
  }

  private void deliver(List<MarketEvent> events, Instant receivedAt) {
    for (MarketEvent event : events) {
      boolean accepted;
      try {
        accepted = sink.offer(protocol.source(), event);
      } catch (RuntimeException e) {
        accepted = false;
        problem("the event sink threw " + e);
      }
      stats.event(event.time(), receivedAt, accepted);
    }
  }

  private void liveOnFirstFrame(Connection c) {
    boolean first;
    synchronized (this) {
      first = current == c && !c.live && c.pendingAcks == 0;
    }
    if (first) {
      becameLive(c);
    }
  }

  private void rejected(Connection c, String error) {
    stats.rejectedSubscription();
    boolean answeredLast;
    synchronized (this) {
      lastProblem = "venue refused: " + error;
      answeredLast = current == c && c.pendingAcks > 0 && --c.pendingAcks == 0;
    }
    problem("the venue refused a subscription or request: " + error);
    notify(l -> l.onError(this, error));
    if (answeredLast) {
      becameLive(c);
    }
  }

  private void invalid(String why, String frame) {
    stats.invalidFrame();
    String excerpt = frame.length() <= FRAME_EXCERPT ? frame : frame.substring(0, FRAME_EXCERPT);
    invalidLog.warn(log, name + ": unreadable frame (" + why + "): " + excerpt);
  }

  private void problem(String message) {
    problemLog.warn(log, name + ": " + message);
  }

  private void notify(Consumer<SessionListener> call) {
    timers.execute(() -> call.accept(listener));
  }

  private void becameLive(Connection c) {
    int failures;
    boolean first;
    Duration down;
    synchronized (this) {
      if (current != c || c.live) {
        return;
      }
      c.live = true;
      state = SessionState.LIVE;
      failures = failedAttempts;
      failedAttempts = 0;
      backoff.reset();
      first = !everLive;
      everLive = true;
      down = downSince == null ? Duration.ZERO : Duration.between(downSince, clock.instant());
      downSince = null;
    }
    if (first) {
      log.info("{}: connected to {}", name, shownUrl);
    } else {
      log.info("{}: recovered after {} attempt(s), down {}", name, failures, format(down));
    }
    notify(l -> l.onConnected(this, failures));
  }

  private void checkSilence(Connection c) {
    Duration silent;
    synchronized (this) {
      if (current != c) {
        return;
      }
      silent = Duration.between(c.lastFrameAt, clock.instant());
      if (silent.compareTo(maxSilence) < 0) {
        return;
      }
      state = SessionState.STALE;
    }
    notify(l -> l.onStale(this, silent));
    lost(c, "stale: no frame for " + format(silent) + " (limit " + format(maxSilence) + ")");
  }

  private void beat(Connection c, Heartbeat h) {
    boolean missed;
    WebSocket socket;
    synchronized (this) {
      if (current != c) {
        return;
      }
      missed = c.heartbeatSentAt != null;
      if (!missed) {
        c.heartbeatSentAt = clock.instant();
      }
      socket = c.socket;
    }
    if (missed) {
      lost(c, "no heartbeat reply within " + format(h.interval()));
    } else if (!socket.send(h.message())) {
      lost(c, "could not send the heartbeat");
    }
  }

  private void ackTimedOut(Connection c) {
    int missing;
    synchronized (this) {
      if (current != c || c.pendingAcks == 0) {
        return;
      }
      missing = c.pendingAcks;
    }
    lost(c, missing + " subscription ack(s) missing after " + format(context.ackTimeout()));
  }

  /** Ends connection {@code c} if it is still the current one, and schedules the next. */
  private void lost(Connection c, String reason) {
    Duration delay;
    boolean wasLive;
    int attempt;
    synchronized (this) {
      if (current != c) {
        return;
      }
      current = null;
      c.cancelTasks();
      wasLive = c.live;
      attempt = ++failedAttempts;
      lastProblem = reason;
      if (downSince == null) {
        downSince = clock.instant();
      }
      delay = backoff.nextDelay();
      state = SessionState.BACKING_OFF;
      pendingConnect = timers.after(delay, this::connect);
      if (pendingConnect == null) {
        state = SessionState.CLOSED;
      }
    }
    if (c.socket != null && !c.socket.close(1000, null)) {
      c.socket.cancel();
    }
    if (wasLive) {
      log.warn("{}: connection lost ({}); reconnecting in {}", name, reason, format(delay));
    } else if (attempt == 1) {
      log.warn("{}: cannot connect ({}); retrying in {}", name, reason, format(delay));
    } else {
      log.debug("{}: attempt {} failed ({}); retrying in {}", name, attempt, reason, delay);
    }
    notify(l -> l.onDisconnected(this, reason, delay));
  }

  private static boolean isReply(String frame, String expected) {
    return frame.length() <= 4 * expected.length() + 16
        && withoutWhitespace(frame).equals(withoutWhitespace(expected));
  }

  private static String withoutWhitespace(String s) {
    return s.replaceAll("\\s+", "");
  }

  /** The URL as logs may show it: a query can carry an API key. */
  private static String withoutQuery(URI uri) {
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  private static String describe(List<String> topics) {
    if (topics.isEmpty()) {
      return "[]";
    }
    return "[" + topics.get(0) + (topics.size() > 1 ? " +" + (topics.size() - 1) : "") + "]";
  }

  static String format(Duration d) {
    long millis = d.toMillis();
    return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static Duration positive(Duration d, String name) {
    requireNonNull(d, name + " is null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0, got " + d);
    }
    return d;
  }

  private static Duration clamp(Duration d, Duration min, Duration max) {
    return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
  }

  /** One connection attempt; its callbacks count only while it is the session's current one. */
  private final class Connection extends WebSocketListener {
    // Guarded by StreamSession.this.
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private volatile WebSocket socket;
    private Instant openedAt;
    private Instant lastFrameAt;
    private Instant heartbeatSentAt;
    private int pendingAcks;
    private boolean live;

    void schedule(ScheduledFuture<?> task) {
      if (task != null) {
        tasks.add(task);
      }
    }

    void cancelTasks() {
      tasks.forEach(t -> t.cancel(false));
      tasks.clear();
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      opened(this, webSocket);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      received(this, text);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      received(this, bytes.utf8());
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      lost(this, "closed by the venue: " + code + (reason.isEmpty() ? "" : " " + reason));
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      lost(this, "closed: " + code + (reason.isEmpty() ? "" : " " + reason));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      lost(this, response != null ? "HTTP " + response.code() + " on upgrade" : t.toString());
    }
  }
}
