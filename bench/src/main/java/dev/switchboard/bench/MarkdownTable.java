package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured Markdown table, built row by row. */
final class MarkdownTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  MarkdownTable(String... header) {
    this.header = List.of(header);
  }

  MarkdownTable row(String... cells) {
    if (cells.length != header.size())
      throw new IllegalArgumentException("row has " + cells.length + " cells");
    rows.add(List.of(cells));
    return this;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    line(b, header);
    b.append('|');
    header.forEach(h -> b.append(" --- |"));
    b.append('\n');
    rows.forEach(r -> line(b, r));
    return b.toString();
  }

  private static void line(StringBuilder b, List<String> cells) {
    b.append('|');
    cells.forEach(c -> b.append(' ').append(c).append(" |"));
    b.append('\n');
  }
}
