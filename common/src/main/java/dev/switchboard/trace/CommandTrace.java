package dev.switchboard.trace;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) a command carried, continued on
 * its provider HTTP calls ({@link dev.switchboard.http.ProviderHttp#request}) and on every result
 * event it gets.
 *
 * <p>Spans go through the global OpenTelemetry instance. Without an SDK, the default, nothing is
 * recorded or exported and the caller's context passes on unchanged, so the provider and the
 * results see the caller's own {@code traceparent}. With one (the OpenTelemetry Java agent, or an
 * SDK registered as global before the start) each run of a command is a {@code CONSUMER} span,
 * child of the caller's, and what is sent names that span. An invalid {@code traceparent} is
 * ignored, as the W3C recommendation asks: nothing is passed on.
 */
public final class CommandTrace {
  /** No trace: nothing is sent. */
  public static final CommandTrace NONE = new CommandTrace(Span.getInvalid(), Map.of());

  /** The header that names the trace and the calling span. */
  public static final String TRACEPARENT = "traceparent";

  /** The header with vendor-specific trace state. */
  public static final String TRACESTATE = "tracestate";

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

  private final Span span;
  private final Map<String, String> fields;
  private final List<Header> kafkaHeaders;

  private CommandTrace(Span span, Map<String, String> fields) {
    this.span = span;
    this.fields = fields;
    List<Header> headers = new ArrayList<>(fields.size());
    fields.forEach((k, v) -> headers.add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
    this.kafkaHeaders = List.copyOf(headers);
  }

  /** The trace a record carried, passed on as it came: for answers to commands that never ran. */
  public static CommandTrace carried(Headers headers) {
    Context caller = W3C.extract(Context.root(), headers, KafkaHeadersGetter.INSTANCE);
    return of(Span.fromContext(caller), caller);
  }

  /**
   * A span for one run of {@code operation}, child of the trace context the record carried; with no
   * SDK it is the caller's context itself.
   */
  public static CommandTrace start(
      Headers headers, String topic, String provider, String operation, String commandId) {
    Context caller = W3C.extract(Context.root(), headers, KafkaHeadersGetter.INSTANCE);
    Tracer tracer = GlobalOpenTelemetry.getTracer("dev.switchboard");
    Span span =
        tracer
            .spanBuilder(provider + " " + operation)
            .setParent(caller)
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute("messaging.system", "kafka")
            .setAttribute("messaging.operation.type", "process")
            .setAttribute("messaging.destination.name", topic)
            .setAttribute("switchboard.command.id", commandId)
            .setAttribute("switchboard.operation", operation)
            .startSpan();
    return of(span, caller.with(span));
  }

  private static CommandTrace of(Span span, Context context) {
    Map<String, String> fields = new LinkedHashMap<>(2);
    W3C.inject(context, fields, Map::put);
    return fields.isEmpty() && !span.isRecording()
        ? NONE
        : new CommandTrace(span, Collections.unmodifiableMap(fields));
  }

  /** Writes the trace headers to send, if any, e.g. onto an HTTP request. */
  public void inject(BiConsumer<String, String> header) {
    fields.forEach(header);
  }

  /** The trace headers to send, by name; empty when there is no valid trace. */
  public Map<String, String> fields() {
    return fields;
  }

  /** The same headers for Kafka records, made once per command. */
  public List<Header> kafkaHeaders() {
    return kafkaHeaders;
  }

  /** Ends the span with the command's outcome: {@code errorCode} null is a success. */
  public void end(String outcome, String errorCode) {
    if (!span.isRecording()) {
      return;
    }
    span.setAttribute("switchboard.outcome", outcome);
    if (errorCode != null) {
      span.setStatus(StatusCode.ERROR, errorCode);
    }
    span.end();
  }

  private enum KafkaHeadersGetter implements TextMapGetter<Headers> {
    INSTANCE;

    @Override
    public Iterable<String> keys(Headers carrier) {
      List<String> keys = new ArrayList<>();
      carrier.forEach(h -> keys.add(h.key()));
      return keys;
    }

    @Override
    public String get(Headers carrier, String key) {
      Header h = carrier == null ? null : carrier.lastHeader(key);
      return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
  }
}
