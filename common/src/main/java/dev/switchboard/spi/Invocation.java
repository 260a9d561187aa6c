package dev.switchboard.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.message.Command;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One execution of a command: the command, its params after schema defaults, and counters the
 * operation fills in (pages fetched) for the {@code completed} event.
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

  public long pages() {
    return pages.get();
  }
}
