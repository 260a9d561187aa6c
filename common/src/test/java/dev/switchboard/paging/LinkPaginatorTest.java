package dev.switchboard.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.json.Json;
import io.reactivex.rxjava3.core.Single;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Next links from the header or the body, past empty pages, never to another origin. */
class LinkPaginatorTest {
  private record Page(String link, JsonNode links, List<Integer> items) {}

  private static final URI FIRST = URI.create("http://127.0.0.1:8081/v1/me/apps?page=1");
  private final LinkPaginator<Page> paginator =
      new LinkPaginator<>(FIRST, URI.create("http://127.0.0.1:8081/"), Page::link, Page::links);

  private static String next(int page) {
    return "<http://127.0.0.1:8081/v1/me/apps?page=" + page + ">; rel=\"next\"";
  }

  @Test
  void followsNextThroughEmptyPagesAndStopsOnlyWithoutNext() {
    Map<URI, Page> pages =
        Map.of(
            FIRST,
            new Page(next(2), null, List.of(1, 2)),
            URI.create("http://127.0.0.1:8081/v1/me/apps?page=2"),
            new Page(next(3), null, List.of()),
            URI.create("http://127.0.0.1:8081/v1/me/apps?page=3"),
            new Page(next(4), null, List.of()),
            URI.create("http://127.0.0.1:8081/v1/me/apps?page=4"),
            new Page("<http://127.0.0.1:8081/v1/me/apps?page=1>; rel=first", null, List.of(3)));
    List<URI> fetched = new ArrayList<>();
    List<Integer> all =
        Paging.records(
                paginator,
                uri ->
                    Single.fromCallable(
                        () -> {
                          fetched.add(uri);
                          return pages.get(uri);
                        }),
                Page::items,
                100,
                () -> {})
            .toList()
            .blockingGet();
    assertThat(all).containsExactly(1, 2, 3);
    assertThat(fetched).hasSize(4);
  }

  @Test
  void theBodyLinksFieldIsTheFallback() {
    Page p =
        new Page(
            null, Json.object().put("first", "x").put("next", "/v1/me/apps?page=2"), List.of());
    assertThat(paginator.next(FIRST, p))
        .isEqualTo(URI.create("http://127.0.0.1:8081/v1/me/apps?page=2"));
    assertThat(paginator.next(FIRST, new Page(null, Json.object().put("first", "x"), List.of())))
        .isNull();
  }

  @Test
  void aNextLinkToAnotherOriginIsRefused() {
    for (String other :
        new String[] {
          "http://evil.example/v1/me/apps?page=2",
          "http://127.0.0.2:8081/v1/me/apps?page=2",
          "https://127.0.0.1:8081/v1/me/apps?page=2",
          "http://127.0.0.1:8082/v1/me/apps?page=2"
        }) {
      Page p = new Page("<" + other + ">; rel=next", null, List.of());
      assertThatThrownBy(() -> paginator.next(FIRST, p))
          .as(other)
          .isInstanceOfSatisfying(
              SwitchboardException.class,
              e -> assertThat(e.code()).isEqualTo("CROSS_ORIGIN_NEXT_LINK"));
    }
  }

  @Test
  void theStreamStopsBeforeAnythingIsSentToTheOtherOrigin() {
    List<URI> fetched = new ArrayList<>();
    var result =
        Paging.records(
                paginator,
                uri ->
                    Single.fromCallable(
                        () -> {
                          fetched.add(uri);
                          return new Page(
                              "<https://evil.example/steal>; rel=next", null, List.of(1));
                        }),
                Page::items,
                100,
                () -> {})
            .test();
    result.assertError(SwitchboardException.class);
    assertThat(fetched).containsExactly(FIRST);
  }

  @Test
  void defaultPortsCountAsTheSameOrigin() {
    assertThat(
            LinkPaginator.sameOrigin(
                URI.create("https://a.example/x"), URI.create("https://a.example:443/")))
        .isTrue();
    assertThat(
            LinkPaginator.sameOrigin(
                URI.create("http://A.example/x"), URI.create("http://a.example/")))
        .isTrue();
  }
}
