package dev.switchboard.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.message.Command;
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
  private final AtomicLong pages = new AtomicLong();

  public Invocation(Command command, ObjectNode params) {
    this.command = command;
    this.params = params;
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

  /** Called by paging once per page fetched. */
  public void pageFetched() {
    pages.incrementAndGet();
  }

  /** The pages counted, or one when nothing counted pages (the answer came in one piece). */
  public long pages() {
    return Math.max(1, pages.get());
  }
}
