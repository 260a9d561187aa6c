package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final StringWriter text = new StringWriter();
  private long now;

  private Progress progress(boolean terminal) {
    return new Progress(new PrintWriter(text, true), terminal, () -> now);
  }

  @Test
  void rateIsMeasuredFromTheFirstRecord() {
    Progress p = progress(false);
    now = 100_000_000_000L; // the first record arrives 100 s after the start
    for (int i = 0; i < 1000; i++) {
      p.record();
      now += 1_000_000; // 1 ms a record: 1,000 records/s
    }
    p.finish();

    String last = text.toString().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last).contains("1,000 records", "1.0 s", "1,000 records/s");
  }

  @Test
  void withoutATerminalPlainLinesEveryTwoSeconds() {
    Progress p = progress(false);
    for (int i = 0; i < 100; i++) { // 10 s, a record every 100 ms
      p.record();
      now += 100_000_000;
    }
    p.finish();

    assertThat(text.toString()).doesNotContain("\r");
    assertThat(text.toString().lines()).hasSize(5); // at 2, 4, 6, 8 s, then the final count
  }

  @Test
  void onATerminalOneLineIsRewritten() {
    Progress p = progress(true);
    for (int i = 0; i < 1000; i++) {
      p.record();
    }
    p.finish();

    assertThat(text.toString()).startsWith("\r500 records").contains("\r1,000 records");
    assertThat(text.toString().chars().filter(c -> c == '\n').count()).isEqualTo(1);
  }

  @Test
  void nothingWithoutRecords() {
    progress(false).finish();

    assertThat(text.toString()).isEmpty();
  }
}
