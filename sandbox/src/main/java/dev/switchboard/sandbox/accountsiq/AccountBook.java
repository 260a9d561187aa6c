package dev.switchboard.sandbox.accountsiq;

import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One ledger's accounts (customers or suppliers): the generated ones, lazily, overlaid by what
 * writes stored (updated generated accounts and created ones). The number of generated accounts is
 * passed per call because the {@code customerCount} scenario changes it per tenant or request.
 * Mutated on the event loop only; readable from any thread.
 */
final class AccountBook {
  /** A stored or generated account with its (unserialised) last modification time, UTC. */
  record Entry(AccountsIqRecord record, LocalDateTime lastModified) {}

  final AccountGenerator generator;
  private final Map<String, Entry> byCode = new ConcurrentHashMap<>();
  private final Map<Long, String> createdById = new ConcurrentHashMap<>();
  private final List<String> createdCodes = new CopyOnWriteArrayList<>();

  AccountBook(AccountGenerator generator) {
    this.generator = generator;
  }

  /**
   * The account with {@code code} among {@code count} generated ones plus the stored ones, or null.
   */
  Entry find(String code, long count) {
    if (code == null) return null;
    Entry stored = byCode.get(code);
    if (stored != null) return stored;
    long i = generator.indexOf(code);
    return i >= 0 && i < count ? generated(i) : null;
  }

  /** The account with {@code accountId}, or null. */
  Entry findById(long accountId, long count) {
    String created = createdById.get(accountId);
    if (created != null) return byCode.get(created);
    long i = generator.customers ? accountId - 1 : accountId - AccountGenerator.SUPPLIER_ID_BASE;
    return i >= 0 && i < count ? find(generator.code(i), count) : null;
  }

  /** Stores an update of an existing account or a new one. */
  void put(AccountsIqRecord account, LocalDateTime modified, boolean created) {
    String code = account.get("Code");
    byCode.put(code, new Entry(account, modified));
    if (created) {
      createdCodes.add(code);
      createdById.put(Long.parseLong(account.get("AccountID")), code);
    }
  }

  int createdCount() {
    return createdCodes.size();
  }

  /** Every account: generated {@code 0..count-1} (overlaid), then created ones, in that order. */
  Iterator<Entry> all(long count) {
    Iterator<String> created = createdCodes.iterator();
    return new Iterator<>() {
      private long next;
      private Entry pending;

      @Override
      public boolean hasNext() {
        if (pending != null) return true;
        if (next < count) {
          pending = find(generator.code(next), count);
          next++;
          return true;
        }
        while (created.hasNext()) {
          String code = created.next();
          long i = generator.indexOf(code);
          if (i >= 0 && i < count) continue; // already listed in place
          pending = byCode.get(code);
          return true;
        }
        return false;
      }

      @Override
      public Entry next() {
        if (!hasNext()) throw new NoSuchElementException();
        Entry e = pending;
        pending = null;
        return e;
      }
    };
  }

  private Entry generated(long i) {
    return new Entry(generator.generate(i), generator.lastModified(i));
  }
}
