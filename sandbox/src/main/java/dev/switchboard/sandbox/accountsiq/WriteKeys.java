package dev.switchboard.sandbox.accountsiq;

import dev.switchboard.sandbox.kit.WriteTally;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What identifies one intended AccountsIQ write, for the duplicate count ({@link WriteTally}): the
 * operation and the reference the vendor's workflow keys a record by — {@code ExternalReference}
 * (invoices, batch invoices), {@code CheckReference} (a receipt's, which becomes its transaction's
 * external reference), the {@code invoiceID} being posted, an account's {@code Code} — else a
 * digest of the request element (the token left out).
 */
final class WriteKeys {
  private static final List<String> REFERENCES = List.of("ExternalReference", "CheckReference");

  private WriteKeys() {}

  static String of(SoapOperation op, XmlNode request) {
    for (String name : REFERENCES) {
      String v = descendantText(request, name);
      if (v != null) return WriteTally.key(op.name(), name, v);
    }
    String invoiceId = request.text("invoiceID");
    if (invoiceId != null && !invoiceId.isBlank())
      return WriteTally.key(op.name(), "invoiceID", invoiceId.trim());
    String code = descendantText(request, "Code");
    if (code != null) return WriteTally.key(op.name(), "Code", code);
    StringBuilder b = new StringBuilder();
    canonical(request, b);
    return WriteTally.key(
        op.name(), WriteTally.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** Text of the first non-blank descendant {@code name} (depth first), trimmed; null if none. */
  private static String descendantText(XmlNode node, String name) {
    for (XmlNode c : node.children) {
      if (c.name.equals(name) && !c.nil && !c.text().isBlank()) return c.text().trim();
      String deeper = descendantText(c, name);
      if (deeper != null) return deeper;
    }
    return null;
  }

  private static void canonical(XmlNode node, StringBuilder b) {
    for (XmlNode c : node.children) {
      if (c.name.equals("token")) continue;
      b.append('<').append(c.name).append(c.nil ? "/nil>" : ">").append(c.text());
      canonical(c, b);
      b.append("</>");
    }
  }
}
