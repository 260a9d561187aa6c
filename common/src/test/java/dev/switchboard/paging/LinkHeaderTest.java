package dev.switchboard.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 8288 parsing: several links, any order, quoted or bare params, data inside quotes. */
class LinkHeaderTest {
  private static final URI BASE = URI.create("https://api.example/v1/me/apps/1/messages?page=2");

  @Test
  void findsNextAmongSeveralLinksInAnyOrder() {
    String h =
        "<https://api.example/v1/x?page=1>; rel=\"first\", "
            + "<https://api.example/v1/x?page=3&lastOpen=2024-01-01>; rel=\"next\", "
            + "<https://api.example/v1/x?page=1>; rel=\"prev\"";
    assertThat(LinkHeader.find(h, BASE, "next"))
        .contains(URI.create("https://api.example/v1/x?page=3&lastOpen=2024-01-01"));
    assertThat(LinkHeader.find(h, BASE, "prev"))
        .contains(URI.create("https://api.example/v1/x?page=1"));
  }

  @Test
  void barePunctuationInsideQuotesAndAnglesIsData() {
    String h =
        "<https://api.example/a?x=1,2;3>; title=\"a, b; rel=next\"; rel=prev, "
            + "<https://api.example/b>;rel=next";
    List<LinkHeader.Link> links = LinkHeader.parse(h, BASE);
    assertThat(links).hasSize(2);
    assertThat(links.get(0).target().toString()).isEqualTo("https://api.example/a?x=1,2;3");
    assertThat(links.get(0).params())
        .containsEntry("title", "a, b; rel=next")
        .containsEntry("rel", "prev");
    assertThat(LinkHeader.find(h, BASE, "next")).contains(URI.create("https://api.example/b"));
  }

  @Test
  void relMayHoldSeveralTypesAndNamesAreCaseInsensitive() {
    String h = "<https://api.example/c>; REL=\"last next\"";
    assertThat(LinkHeader.find(h, BASE, "next")).contains(URI.create("https://api.example/c"));
    assertThat(LinkHeader.find(h, BASE, "NEXT")).isPresent();
  }

  @Test
  void relativeReferencesResolveAgainstTheRequest() {
    assertThat(LinkHeader.find("</v1/x?page=3>; rel=next", BASE, "next"))
        .contains(URI.create("https://api.example/v1/x?page=3"));
  }

  @Test
  void noNextAndEmptyHeaders() {
    assertThat(LinkHeader.find("<https://api.example/x>; rel=\"first\"", BASE, "next")).isEmpty();
    assertThat(LinkHeader.find(null, BASE, "next")).isEmpty();
    assertThat(LinkHeader.find("", BASE, "next")).isEmpty();
    assertThat(LinkHeader.parse(" , <https://api.example/x>; rel=next ,", BASE)).hasSize(1);
  }

  @Test
  void malformedHeadersAreRefused() {
    assertThatThrownBy(() -> LinkHeader.parse("https://api.example/x; rel=next", BASE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LinkHeader.parse("<https://api.example/x; rel=next", BASE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LinkHeader.parse("<https://api.example/x>; title=\"open", BASE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
