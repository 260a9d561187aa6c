package dev.switchboard.sandbox.accountsiq;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One record type of the WSDL ({@code Account}, {@code InvoiceBase}+{@code Invoice}, ...): its
 * elements in sequence order with their type and occurrence, which decide how a null is written and
 * what a missing element reads as.
 */
final class WsdlType {
  /** How an element occurs in the WSDL sequence. */
  enum Occurs {
    /**
     * {@code minOccurs=0}: a null is omitted (or nil, per {@link
     * AccountsIqSettings#nullStrings()}).
     */
    OPTIONAL,
    /**
     * {@code minOccurs=1}, a value type: always written; missing on input reads as the type's
     * default.
     */
    REQUIRED,
    /** {@code minOccurs=1 nillable=true}: a null is {@code xsi:nil="true"}. */
    NILLABLE,
    /** {@code minOccurs=0 nillable=true}: a null is {@code xsi:nil="true"}. */
    OPTIONAL_NILLABLE
  }

  /** One element. {@code items}/{@code itemName} only for {@link XsType#LIST}. */
  record Field(String name, XsType type, Occurs occurs, WsdlType items, String itemName) {}

  final String typeName;
  final List<Field> fields;
  private final Map<String, Integer> index = new HashMap<>();

  /** Position of the LIST field, or -1. */
  final int listIndex;

  WsdlType(String typeName, List<Field> fields) {
    this.typeName = typeName;
    this.fields = List.copyOf(fields);
    int list = -1;
    for (int i = 0; i < fields.size(); i++) {
      index.put(fields.get(i).name(), i);
      if (fields.get(i).type() == XsType.LIST) list = i;
    }
    this.listIndex = list;
  }

  /**
   * Position of {@code name}. @throws IllegalArgumentException if the schema has no such element
   */
  int indexOf(String name) {
    Integer i = index.get(name);
    if (i == null) throw new IllegalArgumentException(typeName + " has no element " + name);
    return i;
  }

  Integer find(String name) {
    return index.get(name);
  }

  int size() {
    return fields.size();
  }

  static Field s(String name) {
    return new Field(name, XsType.STRING, Occurs.OPTIONAL, null, null);
  }

  static Field req(String name, XsType type) {
    return new Field(name, type, Occurs.REQUIRED, null, null);
  }

  static Field nil(String name, XsType type) {
    return new Field(name, type, Occurs.NILLABLE, null, null);
  }

  static Field optNil(String name, XsType type) {
    return new Field(name, type, Occurs.OPTIONAL_NILLABLE, null, null);
  }

  static Field list(String name, WsdlType items, String itemName) {
    return new Field(name, XsType.LIST, Occurs.OPTIONAL, items, itemName);
  }
}
