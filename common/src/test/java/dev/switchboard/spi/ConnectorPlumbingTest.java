package dev.switchboard.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.auth.Token;
import dev.switchboard.json.Json;
import dev.switchboard.message.Command;
import dev.switchboard.metrics.Metrics;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the SPI does for every connector: operation index, page count, login metric. */
class ConnectorPlumbingTest {
  private static Operation<Object> op(String name) {
    OperationSpec spec = OperationSpec.single(name, name, Schema.builder().build());
    return new Operation<>() {
      @Override
      public OperationSpec spec() {
        return spec;
      }

      @Override
      public Flowable<JsonNode> execute(Invocation inv, Object connection) {
        return Flowable.empty();
      }
    };
  }

  @Test
  void operationsAreIndexedByNameInTheOrderGivenAndANameTwiceIsRefused() {
    var ops = Operation.byName(List.of(op("b.get"), op("a.list"), op("c.create")));
    assertThat(ops.keySet()).containsExactly("b.get", "a.list", "c.create");
    assertThatThrownBy(() -> Operation.byName(List.of(op("a.list"), op("a.list"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a.list");
  }

  @Test
  void anAnswerInOnePieceIsOnePageAndAPagedListCountsItsPages() {
    Invocation single =
        new Invocation(new Command("c1", "x", "conn", Json.object(), null, null), Json.object());
    assertThat(single.pages()).isEqualTo(1);
    Invocation paged =
        new Invocation(new Command("c2", "x", "conn", Json.object(), null, null), Json.object());
    paged.pageFetched();
    paged.pageFetched();
    paged.pageFetched();
    assertThat(paged.pages()).isEqualTo(3);
  }

  @Test
  void everyLoginOfAConnectionsTokenSourceIsCounted() {
    Metrics metrics = new Metrics();
    var ctx =
        new ConnectorContext(
            "prov", "shop", null, null, Clock.systemUTC(), Schedulers.single(), metrics);
    AtomicInteger logins = new AtomicInteger();
    var tokens =
        ctx.tokens(
            () ->
                Single.fromCallable(() -> new Token<>("t" + logins.incrementAndGet(), null, null)));
    assertThat(tokens.token().blockingGet()).isEqualTo("t1");
    assertThat(tokens.token().blockingGet()).isEqualTo("t1"); // kept, no second login
    tokens.invalidate("t1");
    assertThat(tokens.token().blockingGet()).isEqualTo("t2");
    assertThat(
            metrics.count(
                "switchboard_token_refreshes_total", "provider", "prov", "connection", "shop"))
        .isEqualTo(2);
  }
}
