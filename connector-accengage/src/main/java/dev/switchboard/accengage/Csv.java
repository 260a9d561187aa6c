package dev.switchboard.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The device export's CSV (provider-apis.md §3.4: {@code ;}-separated, a header row): one JSON
 * object per row, keyed by the header. Quoted fields may hold separators, quotes ({@code ""})
 * and line breaks (RFC 4180, with {@code ;} for the comma).
 */
final class Csv {
  private Csv() {}

  static List<JsonNode> records(String text, char separator) {
    List<List<String>> rows = rows(text, separator);
    List<JsonNode> out = new ArrayList<>();
    if (rows.isEmpty()) {
      return out;
    }
    List<String> header = rows.get(0);
    for (List<String> row : rows.subList(1, rows.size())) {
      ObjectNode o = Json.object();
      for (int i = 0; i < header.size(); i++) {
        o.put(header.get(i), i < row.size() ? row.get(i) : null);
      }
      out.add(o);
    }
    return out;
  }

  static List<List<String>> rows(String text, char sep) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
        any = true;
      } else if (ch == sep) {
        row.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || field.length() > 0) {
          row.add(field.toString());
          rows.add(row);
        }
        row = new ArrayList<>();
        field.setLength(0);
        any = false;
      } else {
        field.append(ch);
        any = true;
      }
    }
    if (any || field.length() > 0) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
