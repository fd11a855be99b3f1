package io.teleglas.alertbot.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The election's decisions on a hand-moved monotonic clock with a scripted lease store. */
class LeaderElectionTest {
  private static final LeaderElection.Timing TIMING = LeaderElection.Timing.DEFAULT;

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final ScriptedLease lease = new ScriptedLease();
  private final List<String> heard = new ArrayList<>();
  private final LeaderElection election =
      new LeaderElection(
          lease,
          TIMING,
          nanos::get,
          new LeaderElection.Listener() {
            @Override
            public void elected() {
              heard.add("elected");
            }

            @Override
            public void lost(String why) {
              heard.add("lost: " + why);
            }
          },
          Runnable::run,
          Thread::new);

  @Test
  void aStandbyRetriesUntilTheLeaseIsFree_thenLeadsAndRenews() {
    lease.answers = "no";
    assertThat(election.step()).isEqualTo(TIMING.retryEvery());
    assertThat(election.isLeader()).isFalse();
    assertThat(election.role()).isEqualTo("standby");

    lease.answers = "yes";
    assertThat(election.step()).isEqualTo(TIMING.renewEvery());
    assertThat(election.isLeader()).isTrue();
    assertThat(election.role()).isEqualTo("leader");
    advance(TIMING.renewEvery());
    election.step();

    assertThat(heard).containsExactly("elected");
    assertThat(lease.asked).isEqualTo(3);
  }

  @Test
  void aLeaderThatCannotRenew_staysLeaderUntilTtlMinusMargin_thenFencesItselfAndStepsDown() {
    lease.answers = "yes";
    election.step();
    lease.answers = "fail";

    advance(TIMING.renewEvery());
    Duration wait = election.step();
    assertThat(election.isLeader()).as("5 s after the renewal: still trusted").isTrue();
    assertThat(wait).isLessThanOrEqualTo(TIMING.retryEvery());

    Duration trusted = TIMING.ttl().minus(TIMING.margin());
    advance(trusted.minus(TIMING.renewEvery()));
    assertThat(election.isLeader())
        .as("fenced at ttl - margin even before the next round runs")
        .isFalse();
    assertThat(heard).containsExactly("elected");

    election.step();
    assertThat(heard)
        .containsExactly("elected", "lost: the lease store cannot be reached: store is down");
  }

  @Test
  void aLeaderWhoseLeaseWasTakenStepsDownAtOnce() {
    lease.answers = "yes";
    election.step();
    lease.answers = "no";
    advance(TIMING.renewEvery());

    election.step();

    assertThat(election.isLeader()).isFalse();
    assertThat(heard).containsExactly("elected", "lost: another instance holds the lease now");
  }

  @Test
  void aStandbyThatCannotReachTheStoreJustKeepsTrying() {
    lease.answers = "fail";

    assertThat(election.step()).isEqualTo(TIMING.retryEvery());
    assertThat(election.step()).isEqualTo(TIMING.retryEvery());

    assertThat(heard).isEmpty();
  }

  @Test
  void closingALeaderReleasesTheLease_closingAStandbyDoesNot() {
    election.close();
    assertThat(lease.released).isZero();

    lease.answers = "yes";
    election.step();
    election.close();

    assertThat(lease.released).isEqualTo(1);
    assertThat(election.isLeader()).isFalse();
  }

  @Test
  void timingThatCouldNotRenewInTimeIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new LeaderElection.Timing(
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(8),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(3)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  private static final class ScriptedLease implements Lease {
    String answers = "no";
    int asked;
    int released;

    @Override
    public boolean tryAcquire() {
      asked++;
      if (answers.equals("fail")) {
        throw new IllegalStateException("store is down");
      }
      return answers.equals("yes");
    }

    @Override
    public void release() {
      released++;
    }

    @Override
    public Optional<String> holder() {
      return Optional.empty();
    }
  }
}
