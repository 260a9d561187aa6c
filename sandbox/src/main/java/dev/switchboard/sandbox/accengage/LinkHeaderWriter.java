package dev.switchboard.sandbox.accengage;

import dev.switchboard.sandbox.accengage.AccengageSettings.LinkStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Spells the {@code Link} header. Documented form (seed doc): {@code Link: <link1>; rel="rel1",
 * <link2>; rel="rel2", ...}. The public Python client strips {@code <}, {@code >} and {@code ;
 * rel="next"} naively (§3.5); a connector must parse RFC 8288 properly, so the VARIED and SPLIT
 * styles vary, page by page and deterministically: the order of relations, quoted or bare {@code
 * rel}, spacing, and extra {@code title}/{@code type} parameters whose quoted values hold commas,
 * semicolons and escaped quotes. SPLIT also puts each relation in its own header field.
 */
final class LinkHeaderWriter {
  private record Rel(String name, String url) {}

  private LinkHeaderWriter() {}

  /** The header field values to send (none when there is no relation to give). */
  static List<String> values(
      PageLinks links, LinkStyle style, long page, String mediaType, boolean nextOnly) {
    List<Rel> rels = new ArrayList<>();
    if (!nextOnly) rels.add(new Rel("first", links.first()));
    if (!nextOnly && links.prev() != null) rels.add(new Rel("prev", links.prev()));
    if (links.next() != null) rels.add(new Rel("next", links.next()));
    if (rels.isEmpty()) return List.of();
    if (style == LinkStyle.DOCUMENTED) {
      List<String> entries =
          rels.stream().map(r -> "<" + r.url() + ">; rel=\"" + r.name() + "\"").toList();
      return List.of(String.join(", ", entries));
    }
    int turn = (int) Math.floorMod(page, 1_000_003L);
    Collections.rotate(rels, turn % rels.size());
    if ((turn / 3) % 2 == 1) Collections.reverse(rels);
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < rels.size(); i++) entries.add(entry(rels.get(i), turn + i, mediaType));
    return style == LinkStyle.SPLIT
        ? entries
        : List.of(String.join(turn % 2 == 0 ? ", " : ",", entries));
  }

  private static String entry(Rel r, int variant, String mediaType) {
    String u = "<" + r.url() + ">";
    return switch (variant % 5) {
      case 0 -> u + "; rel=\"" + r.name() + "\"";
      case 1 -> u + ";rel=" + r.name();
      case 2 -> u + "; title=\"the \\\"" + r.name() + "\\\" page\"; rel=\"" + r.name() + "\"";
      case 3 ->
          u
              + " ; rel=\""
              + r.name()
              + "\" ; title=\""
              + r.name()
              + " page, 100 items; keep going\"";
      default -> u + "; rel=" + r.name() + "; type=\"" + mediaType + "\"";
    };
  }
}
