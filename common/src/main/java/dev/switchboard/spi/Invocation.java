package dev.switchboard.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.message.Command;
import dev.switchboard.trace.CommandTrace;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One execution of a command: the command, its params after schema defaults, and the pages its
 * answer came in, for the {@code completed} event. A paged list counts its pages through {@link
 * dev.switchboard.paging.Paging}; an answer that came in one piece is one page without any counting
 * by the operation.
 */
public final class Invocation {
  private final Command command;
  private final ObjectNode params;
  private final CommandTrace trace;
  private final AtomicLong pages = new AtomicLong();

  /** An invocation without a trace context. */
  public Invocation(Command command, ObjectNode params) {
    this(command, params, CommandTrace.NONE);
  }

  public Invocation(Command command, ObjectNode params, CommandTrace trace) {
    this.command = command;
    this.params = params;
    this.trace = trace;
  }

  public Command command() {
    return command;
  }

  /** Validated params with declared defaults applied. */
  public ObjectNode params() {
    return params;
  }

  /** The command's deadline, or null. Retries stop at it. */
  public Instant deadline() {
    return command.deadline();
  }

  /**
   * The trace context the command carried, to pass on with every provider request made for it: give
   * it to {@link dev.switchboard.http.ProviderHttp#request(io.vertx.core.http.HttpMethod, String,
   * Invocation)}, or {@link CommandTrace#inject} it into a request made otherwise.
   */
  public CommandTrace trace() {
    return trace;
  }

  /** Called by paging once per page fetched. */
  public void pageFetched() {
    pages.incrementAndGet();
  }

  /** The pages counted, or one when nothing counted pages (the answer came in one piece). */
  public long pages() {
    return Math.max(1, pages.get());
  }
}
