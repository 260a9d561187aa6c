package dev.switchboard.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandTraceTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT_ID = "00f067aa0ba902b7";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + PARENT_ID + "-01";
  private static final String TRACESTATE = "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7";

  @BeforeEach
  @AfterEach
  void noGlobalSdk() {
    GlobalOpenTelemetry.resetForTest();
  }

  @Test
  void withoutAnSdkTheCallersContextPassesOnUnchanged() {
    CommandTrace t = CommandTrace.start(headers(TRACEPARENT, TRACESTATE), "t", "p", "op", "id-1");

    assertThat(t.fields())
        .containsExactly(entry("traceparent", TRACEPARENT), entry("tracestate", TRACESTATE));
    assertThat(t.kafkaHeaders())
        .extracting(h -> h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8))
        .containsExactly("traceparent=" + TRACEPARENT, "tracestate=" + TRACESTATE);
    t.end("completed", null); // nothing recorded, nothing thrown
  }

  @Test
  void aCommandWithoutATraceOrWithAnInvalidOneSendsNothing() {
    assertThat(CommandTrace.start(headers(null, null), "t", "p", "op", "id").fields()).isEmpty();
    assertThat(CommandTrace.carried(headers(null, null))).isSameAs(CommandTrace.NONE);
    for (String invalid :
        new String[] {
          "00-" + "0".repeat(32) + "-" + PARENT_ID + "-01", // all-zero trace id
          "00-" + TRACE_ID + "-" + "0".repeat(16) + "-01", // all-zero parent id
          "00-" + TRACE_ID + "-" + PARENT_ID, // no flags
          "garbage\r\nforged: yes",
        }) {
      assertThat(CommandTrace.carried(headers(invalid, TRACESTATE)).fields()).as(invalid).isEmpty();
      assertThat(CommandTrace.start(headers(invalid, TRACESTATE), "t", "p", "op", "id").fields())
          .as(invalid)
          .isEmpty();
    }
  }

  @Test
  void aHostileTracestateIsDroppedNotPassedOnToProvidersOrEvents() {
    for (String hostile :
        new String[] {
          "a=1\r\nX-Forged: yes", // header injection
          "a=" + "v".repeat(100_000), // far over the W3C size limit
          "=nokey,,", // not a list of key=value members
        }) {
      assertThat(CommandTrace.carried(headers(TRACEPARENT, hostile)).fields())
          .as(hostile.substring(0, Math.min(20, hostile.length())))
          .containsExactly(entry("traceparent", TRACEPARENT));
      assertThat(CommandTrace.start(headers(TRACEPARENT, hostile), "t", "p", "op", "id").fields())
          .containsExactly(entry("traceparent", TRACEPARENT));
    }
  }

  @Test
  void aCarriedTraceIsPassedOnAsItCame() {
    CommandTrace t = CommandTrace.carried(headers(TRACEPARENT, null));
    assertThat(t.fields()).containsExactly(entry("traceparent", TRACEPARENT));
    StringBuilder sent = new StringBuilder();
    t.inject((k, v) -> sent.append(k).append(':').append(v));
    assertThat(sent).hasToString("traceparent:" + TRACEPARENT);
  }

  @Test
  void withAnSdkEachRunIsAChildSpanAndWhatIsSentNamesIt() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .build();
    GlobalOpenTelemetry.set(sdk);
    try {
      CommandTrace t =
          CommandTrace.start(
              headers(TRACEPARENT, TRACESTATE),
              "sb.iqreseller.commands",
              "iqreseller",
              "items.get",
              "cmd-7");
      String sent = t.fields().get("traceparent");
      assertThat(sent).startsWith("00-" + TRACE_ID + "-").doesNotContain(PARENT_ID);
      assertThat(t.fields()).containsEntry("tracestate", TRACESTATE);
      assertThat(exporter.getFinishedSpanItems()).isEmpty();

      t.end("failed", "PROVIDER_TIMEOUT");

      assertThat(exporter.getFinishedSpanItems()).hasSize(1);
      SpanData span = exporter.getFinishedSpanItems().get(0);
      assertThat(span.getName()).isEqualTo("iqreseller items.get");
      assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
      assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
      assertThat(span.getParentSpanId()).isEqualTo(PARENT_ID);
      assertThat(sent).isEqualTo("00-" + TRACE_ID + "-" + span.getSpanId() + "-01");
      assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
      assertThat(span.getAttributes().asMap().toString())
          .contains(
              "switchboard.command.id=cmd-7", "messaging.destination.name=sb.iqreseller.commands");

      CommandTrace root = CommandTrace.start(headers(null, null), "t", "p", "op", "id");
      assertThat(root.fields().get("traceparent"))
          .as("an SDK starts a trace for a command that came without one")
          .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    } finally {
      sdk.close();
    }
  }

  private static Map.Entry<String, String> entry(String k, String v) {
    return Map.entry(k, v);
  }

  private static Headers headers(String traceparent, String tracestate) {
    RecordHeaders h = new RecordHeaders();
    h.add("kafka_correlationId", new byte[] {1, 2});
    if (traceparent != null) {
      h.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
    }
    if (tracestate != null) {
      h.add("tracestate", tracestate.getBytes(StandardCharsets.UTF_8));
    }
    return h;
  }
}
