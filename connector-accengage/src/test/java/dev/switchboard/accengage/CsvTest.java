package dev.switchboard.accengage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void rowsBecomeObjectsKeyedByTheHeader() {
    var r =
        Csv.records(
            "deviceId;lastOpen;platform\r\nd1;2024-01-02;ios\nd2;2024-01-03;android\n", ';');
    assertThat(r).hasSize(2);
    assertThat(r.get(1).toString())
        .isEqualTo("{\"deviceId\":\"d2\",\"lastOpen\":\"2024-01-03\",\"platform\":\"android\"}");
  }

  @Test
  void quotedFieldsHoldSeparatorsQuotesAndLineBreaks() {
    var r = Csv.records("id;note\nd1;\"a;b \"\"c\"\"\nline2\"\n", ';');
    assertThat(r)
        .singleElement()
        .satisfies(o -> assertThat(o.path("note").asText()).isEqualTo("a;b \"c\"\nline2"));
  }

  @Test
  void emptyFieldsShortRowsAndEmptyPages() {
    var r = Csv.records("a;b;c\n1;;\n2\n", ';');
    assertThat(r.get(0).path("b").asText()).isEmpty();
    assertThat(r.get(1).get("c").isNull()).isTrue();
    assertThat(Csv.records("", ';')).isEmpty();
    assertThat(Csv.records("a;b\n", ';')).isEmpty(); // header only: an empty page
  }

  @Test
  void extraFieldsAreDroppedAndBlankLinesSkipped() {
    var r = Csv.records("a;b\n1;2;3\n\n4;5\n", ';');
    assertThat(r).hasSize(2);
    assertThat(r.get(0).toString()).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
  }

  @Test
  void anUnreadablePageIsABadResponseThatQuotesNothing() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Csv.records("a;b\n\"never closed;x\n", ';'))
        .isInstanceOfSatisfying(
            dev.switchboard.error.ProviderCallException.class,
            e -> {
              assertThat(e.code()).isEqualTo("PROVIDER_BAD_RESPONSE");
              assertThat(e.getMessage()).doesNotContain("never closed");
            });
  }
}
