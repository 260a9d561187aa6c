package dev.switchboard.sandbox.accountsiq;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed request element: name, namespace, {@code xsi:nil}, text and children. Requests are small
 * (bounded by {@link Soap#MAX_REQUEST_BYTES}), so a tree is fine. Lookups by name only see children
 * in the Integration namespace: XmlSerializer ignores elements in any other namespace, so an
 * unqualified {@code <token>} is as good as absent — faithfully.
 */
final class XmlNode {
  final String ns;
  final String name;
  final boolean nil;
  final List<XmlNode> children = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  XmlNode(String ns, String name, boolean nil) {
    this.ns = ns == null ? "" : ns;
    this.name = name;
    this.nil = nil;
  }

  void appendText(String s) {
    text.append(s);
  }

  String text() {
    return text.toString();
  }

  boolean is(String namespace, String localName) {
    return ns.equals(namespace) && name.equals(localName);
  }

  /** The first child {@code namespace:localName}, or null. */
  XmlNode child(String namespace, String localName) {
    for (XmlNode c : children) if (c.is(namespace, localName)) return c;
    return null;
  }

  /** The first child in the Integration namespace called {@code localName}, or null. */
  XmlNode child(String localName) {
    return child(Soap.NS, localName);
  }

  /** All children in the Integration namespace called {@code localName}. */
  List<XmlNode> children(String localName) {
    List<XmlNode> out = new ArrayList<>();
    for (XmlNode c : children) if (c.is(Soap.NS, localName)) out.add(c);
    return out;
  }

  /** Text of child {@code localName}; null if absent or {@code xsi:nil}. */
  String text(String localName) {
    XmlNode c = child(localName);
    return c == null || c.nil ? null : c.text();
  }

  /** The first element child in any namespace, or null. */
  XmlNode firstElement() {
    return children.isEmpty() ? null : children.get(0);
  }
}
