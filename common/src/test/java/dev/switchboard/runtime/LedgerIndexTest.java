package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ledger's view of a partition: started, finished, latest record; small per command. */
class LedgerIndexTest {

  @Test
  void anUnknownIdHasNoEntry() {
    assertThat(new LedgerIndex().get("nope")).isNull();
  }

  @Test
  void aStartedWriteThenItsFinishAreSeenInOrder() {
    LedgerIndex index = new LedgerIndex();
    index.put("c1", 10, false);
    assertThat(index.get("c1")).isEqualTo(new LedgerIndex.Entry(10, false));
    index.put("c1", 12, true);
    assertThat(index.get("c1")).isEqualTo(new LedgerIndex.Entry(12, true));
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void aFinishIsNeverUndoneByALaterStart() {
    LedgerIndex index = new LedgerIndex();
    index.put("c1", 12, true);
    index.put("c1", 20, false);
    assertThat(index.get("c1")).isEqualTo(new LedgerIndex.Entry(12, true));
    index.put("c1", 30, true); // a read run again and finished again: the latest outcome
    assertThat(index.get("c1")).isEqualTo(new LedgerIndex.Entry(30, true));
  }

  @Test
  void aMillionCommandsAreAllFoundIn48MiB() {
    LedgerIndex index = new LedgerIndex();
    for (int i = 0; i < 1_000_000; i++) {
      index.put("command-" + i, i, i % 3 != 0);
    }
    assertThat(index.size()).isEqualTo(1_000_000);
    for (int i = 0; i < 1_000_000; i += 997) {
      assertThat(index.get("command-" + i)).isEqualTo(new LedgerIndex.Entry(i, i % 3 != 0));
    }
    assertThat(index.get("command-1000000")).isNull();
    assertThat(index.bytes()).isLessThanOrEqualTo(2L * 24 * 1024 * 1024 + 1);
  }
}
