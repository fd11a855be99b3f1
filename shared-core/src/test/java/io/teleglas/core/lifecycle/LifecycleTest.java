package io.teleglas.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  @Test
  void close_stopsInReverseOrderEvenWhenOneFails() {
    List<String> stopped = new ArrayList<>();
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.add("store", () -> stopped.add("store"));
    lifecycle.add(
        "engine",
        () -> {
          stopped.add("engine");
          throw new IllegalStateException("boom");
        });
    lifecycle.add("sources", () -> stopped.add("sources"));

    lifecycle.close();
    lifecycle.close();

    assertThat(stopped).containsExactly("sources", "engine", "store");
  }

  @Test
  void add_afterCloseIsRefused() {
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.close();
    assertThatThrownBy(() -> lifecycle.add("late", () -> {}))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void daemonThreads_areNamedDaemons() {
    Thread t = new DaemonThreads("tg-update").newThread(() -> {});
    assertThat(t.isDaemon()).isTrue();
    assertThat(t.getName()).isEqualTo("tg-update-1");
  }
}
