package dev.switchboard.sandbox.accountsiq;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads operation parameters and records the way XmlSerializer binds them: elements outside the
 * Integration namespace and unknown elements are ignored, a missing {@code minOccurs=1} value reads
 * as its type's default ({@code 0}, {@code false}, {@code 0001-01-01T00:00:00}), and a malformed
 * value makes the whole request unreadable ({@link SoapFault}).
 */
final class RequestReader {
  private RequestReader() {}

  /** The record in {@code node}, or null if the element is absent or nil. */
  static AccountsIqRecord record(XmlNode node, WsdlType schema) {
    if (node == null || node.nil) return null;
    AccountsIqRecord r = new AccountsIqRecord(schema);
    for (int i = 0; i < schema.size(); i++) {
      WsdlType.Field f = schema.fields.get(i);
      if (f.occurs() == WsdlType.Occurs.REQUIRED) r.set(i, f.type().defaultValue());
    }
    for (XmlNode c : node.children) {
      if (!Soap.NS.equals(c.ns)) continue;
      Integer i = schema.find(c.name);
      if (i == null) continue;
      WsdlType.Field f = schema.fields.get(i);
      if (f.type() == XsType.LIST) {
        if (c.nil) continue;
        List<AccountsIqRecord> items = new ArrayList<>();
        for (XmlNode item : c.children(f.itemName())) {
          AccountsIqRecord rec = record(item, f.items());
          if (rec != null) items.add(rec);
        }
        r.items(items);
      } else if (c.nil) {
        if (f.occurs() == WsdlType.Occurs.REQUIRED) {
          throw SoapFault.unreadable("The value for '" + c.name + "' cannot be null.");
        }
        r.set(i, null);
      } else {
        r.set(i, f.type().read(c.text(), c.name));
      }
    }
    return r;
  }

  /** A string parameter; null if absent or nil. */
  static String string(XmlNode op, String name) {
    return op.text(name);
  }

  /** An {@code int} parameter ({@code minOccurs=1}): 0 if absent. */
  static int intParam(XmlNode op, String name) {
    String v = op.text(name);
    return v == null ? 0 : Integer.parseInt(XsType.INT.read(v, name));
  }

  /** An {@code int?}/{@code minOccurs=0 int} parameter: null if absent or nil. */
  static Integer optionalInt(XmlNode op, String name) {
    String v = op.text(name);
    return v == null ? null : Integer.valueOf(XsType.INT.read(v, name));
  }

  /** A {@code boolean} parameter ({@code minOccurs=1}): false if absent. */
  static boolean boolParam(XmlNode op, String name) {
    String v = op.text(name);
    return v != null && "true".equals(XsType.BOOLEAN.read(v, name));
  }

  static Boolean optionalBool(XmlNode op, String name) {
    String v = op.text(name);
    return v == null ? null : "true".equals(XsType.BOOLEAN.read(v, name));
  }

  /**
   * A dateTime parameter; null if absent or nil (a present {@code minOccurs=1} date is never null).
   */
  static LocalDateTime date(XmlNode op, String name) {
    String v = op.text(name);
    return v == null ? null : AccountsIqDates.fromCanonical(XsType.DATETIME.read(v, name));
  }

  /** An {@code ArrayOfString} ({@code <X><string>a</string></X>}); empty if absent. */
  static List<String> strings(XmlNode op, String name) {
    XmlNode array = op.child(name);
    List<String> out = new ArrayList<>();
    if (array == null || array.nil) return out;
    for (XmlNode item : array.children("string")) if (!item.nil) out.add(item.text());
    return out;
  }

  /** An {@code ArrayOfInt} ({@code <X><int>1</int></X>}); empty if absent. */
  static List<Integer> ints(XmlNode op, String name) {
    XmlNode array = op.child(name);
    List<Integer> out = new ArrayList<>();
    if (array == null || array.nil) return out;
    for (XmlNode item : array.children("int"))
      out.add(Integer.valueOf(XsType.INT.read(item.text(), "int")));
    return out;
  }
}
