package dev.switchboard.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.paging.PageNumberPaginator.Request;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageNumberPaginatorTest {
  private final PageNumberPaginator<String> paginator = new PageNumberPaginator<>(1, 3);

  @Test
  void firstRequestIsTheFirstPageAtThePageSize() {
    assertThat(paginator.first()).isEqualTo(new Request(1, 3));
    assertThat(new PageNumberPaginator<String>(0, 50).first()).isEqualTo(new Request(0, 50));
  }

  @Test
  void fullPageLeadsToTheNextPage() {
    assertThat(paginator.next(new Request(4, 3), List.of("a", "b", "c")))
        .isEqualTo(new Request(5, 3));
  }

  @Test
  void shortOrEmptyPageIsTheLast() {
    assertThat(paginator.next(new Request(4, 3), List.of("a", "b"))).isNull();
    assertThat(paginator.next(new Request(4, 3), List.of())).isNull();
  }

  @Test
  void pageSizeMustBePositive() {
    assertThatThrownBy(() -> new PageNumberPaginator<String>(1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
