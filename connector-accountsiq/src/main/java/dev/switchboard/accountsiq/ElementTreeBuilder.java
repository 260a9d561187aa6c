package dev.switchboard.accountsiq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Builds one record's JSON from element events: child elements become fields, leaf text is typed by
 * {@link AccountsIqTypes}, {@code xsi:nil} becomes null, and ASMX arrays ({@code
 * <Lines><InvoiceLine/>…</Lines>}, {@code <TypesFilter><string/>…}) become JSON arrays, also when
 * they hold one item or none. Unknown elements are kept.
 */
final class ElementTreeBuilder {
  /** Item element names that mark their parent as an ASMX array. */
  private static final Set<String> ARRAY_ITEMS =
      Set.of(
          "string",
          "int",
          "long",
          "decimal",
          "boolean",
          "dateTime",
          "InvoiceLine",
          "BatchSalesInvoiceLine",
          "OrderLine",
          "WSResultStatus",
          "ArrayOfString");

  private static final Set<String> ARRAY_CONTAINERS =
      Set.of(
          "Lines",
          "Emails",
          "TypesFilter",
          "AccountIDsFilter",
          "TransactionIDsFilter",
          "InvoiceIDsFilter",
          "DepartmentIDsFilter");
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private final class Frame {
    final String name;
    final boolean nil;
    String text = ""; // a leaf's text usually comes in one piece: no builder for it
    StringBuilder more;
    JsonNode children; // ObjectNode or ArrayNode once a child arrives
    Set<String> repeated; // fields turned into arrays; made for the first (most records have none)

    Frame(String name, boolean nil) {
      this.name = name;
      this.nil = nil;
    }
  }

  private final Deque<Frame> stack = new ArrayDeque<>();

  boolean active() {
    return !stack.isEmpty();
  }

  void start(String name, boolean nil) {
    stack.push(new Frame(name, nil));
  }

  void text(String t) {
    Frame f = stack.peek();
    if (f.more != null) {
      f.more.append(t);
    } else if (f.text.isEmpty()) {
      f.text = t;
    } else {
      f.more = new StringBuilder(f.text).append(t);
    }
  }

  /** Closes the current element; returns the finished value when it was the outermost one. */
  JsonNode end() {
    Frame f = stack.pop();
    JsonNode value;
    if (f.nil) {
      value = NODES.nullNode();
    } else if (f.children != null) {
      value = f.children;
    } else if (ARRAY_CONTAINERS.contains(f.name) || f.name.startsWith("ArrayOf")) {
      value = NODES.arrayNode(); // an empty array element
    } else {
      value = AccountsIqTypes.value(f.name, f.more == null ? f.text : f.more.toString());
    }
    Frame parent = stack.peek();
    if (parent == null) {
      return value;
    }
    add(parent, f.name, value);
    return null;
  }

  private static void add(Frame parent, String name, JsonNode value) {
    if (parent.children == null) {
      parent.children =
          ARRAY_ITEMS.contains(name)
                  || ARRAY_CONTAINERS.contains(parent.name)
                  || parent.name.startsWith("ArrayOf")
              ? NODES.arrayNode()
              : NODES.objectNode();
    }
    if (parent.children instanceof ArrayNode a) {
      a.add(value);
      return;
    }
    ObjectNode o = (ObjectNode) parent.children;
    JsonNode existing = o.get(name);
    if (existing == null) {
      o.set(name, value);
    } else if (parent.repeated != null && parent.repeated.contains(name)) {
      ((ArrayNode) existing).add(value);
    } else {
      ArrayNode a = NODES.arrayNode(); // a repeated element not known as an array
      a.add(existing).add(value);
      o.set(name, a);
      if (parent.repeated == null) {
        parent.repeated = new java.util.HashSet<>();
      }
      parent.repeated.add(name);
    }
  }
}
