package dev.switchboard.sandbox.accountsiq;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A record of some {@link WsdlType}, as canonical wire texts (null = absent/nil) plus the items of
 * its one nested list. Generated and stored data alike are AccountsIqRecords, so one writer serves
 * all. Not thread-safe: stored records are replaced, never mutated, once published.
 */
final class AccountsIqRecord {
  final WsdlType schema;
  private final String[] values;
  private List<AccountsIqRecord> items;

  AccountsIqRecord(WsdlType schema) {
    this.schema = schema;
    this.values = new String[schema.size()];
  }

  private AccountsIqRecord(WsdlType schema, String[] values, List<AccountsIqRecord> items) {
    this.schema = schema;
    this.values = values;
    this.items = items;
  }

  String get(String name) {
    return values[schema.indexOf(name)];
  }

  String get(int i) {
    return values[i];
  }

  AccountsIqRecord set(String name, String value) {
    values[schema.indexOf(name)] = value;
    return this;
  }

  AccountsIqRecord set(int i, String value) {
    values[i] = value;
    return this;
  }

  AccountsIqRecord set(String name, long value) {
    return set(name, Long.toString(value));
  }

  AccountsIqRecord set(String name, boolean value) {
    return set(name, Boolean.toString(value));
  }

  AccountsIqRecord set(String name, BigDecimal value) {
    return set(name, value == null ? null : value.toPlainString());
  }

  AccountsIqRecord set(String name, LocalDateTime value) {
    return set(name, value == null ? null : AccountsIqDates.canonical(value));
  }

  /** The nested list's items, or null when the list element is absent. */
  List<AccountsIqRecord> items() {
    return items;
  }

  AccountsIqRecord items(List<AccountsIqRecord> list) {
    this.items = list;
    return this;
  }

  int integer(String name) {
    String v = get(name);
    return v == null ? 0 : Integer.parseInt(v);
  }

  BigDecimal decimal(String name) {
    String v = get(name);
    return v == null ? BigDecimal.ZERO : new BigDecimal(v);
  }

  boolean bool(String name) {
    return "true".equals(get(name));
  }

  LocalDateTime dateTime(String name) {
    String v = get(name);
    return v == null ? null : AccountsIqDates.fromCanonical(v);
  }

  /** A deep copy (items copied too). */
  AccountsIqRecord copy() {
    List<AccountsIqRecord> copied = null;
    if (items != null) {
      copied = new ArrayList<>(items.size());
      for (AccountsIqRecord r : items) copied.add(r.copy());
    }
    return new AccountsIqRecord(schema, Arrays.copyOf(values, values.length), copied);
  }
}
