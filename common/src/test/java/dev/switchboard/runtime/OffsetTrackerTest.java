package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
  private final OffsetTracker tracker = new OffsetTracker();

  @Test
  void nothingIsCommittableBeforeAnythingIsTaken() {
    assertThat(tracker.committable()).isEqualTo(-1);
    assertThat(tracker.openCount()).isZero();
  }

  @Test
  void unfinishedOffsetHoldsTheCommitBack() {
    tracker.taken(5);
    assertThat(tracker.committable()).isEqualTo(5);
    tracker.finished(5);
    assertThat(tracker.committable()).isEqualTo(6);
  }

  @Test
  void outOfOrderFinishesNeverPassAnUnfinishedOffset() {
    for (long o = 10; o <= 14; o++) {
      tracker.taken(o);
    }

    tracker.finished(13);
    tracker.finished(11);
    tracker.finished(14);
    assertThat(tracker.committable()).isEqualTo(10);
    assertThat(tracker.openCount()).isEqualTo(2);

    tracker.finished(10);
    assertThat(tracker.committable()).as("11 is done, 12 is not").isEqualTo(12);

    tracker.finished(12);
    assertThat(tracker.committable()).isEqualTo(15);
    assertThat(tracker.openCount()).isZero();
  }

  @Test
  void gapsFromCompactionAreSkipped() {
    tracker.taken(100);
    tracker.taken(103);
    tracker.taken(110);

    tracker.finished(100);
    assertThat(tracker.committable()).isEqualTo(103);
    tracker.finished(110);
    assertThat(tracker.committable()).isEqualTo(103);
    tracker.finished(103);
    assertThat(tracker.committable()).isEqualTo(111);
  }

  @Test
  void committableKeepsAdvancingAsMoreIsTakenAfterAllFinished() {
    tracker.taken(0);
    tracker.finished(0);
    assertThat(tracker.committable()).isEqualTo(1);
    tracker.taken(1);
    assertThat(tracker.committable()).isEqualTo(1);
    tracker.taken(2);
    tracker.finished(2);
    assertThat(tracker.committable()).isEqualTo(1);
    tracker.finished(1);
    assertThat(tracker.committable()).isEqualTo(3);
  }

  @Test
  void finishingAnUnknownOrRepeatedOffsetChangesNothing() {
    tracker.taken(7);
    tracker.finished(3);
    tracker.finished(7);
    tracker.finished(7);
    assertThat(tracker.committable()).isEqualTo(8);
  }
}
