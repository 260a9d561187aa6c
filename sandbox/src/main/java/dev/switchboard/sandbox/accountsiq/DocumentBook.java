package dev.switchboard.sandbox.accountsiq;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Invoices or transactions of one entity: generated ones (lazily), overlaid by stored updates, plus
 * created ones. Iteration is in the paging order of §1.7 — creation date, then id — by a lazy merge
 * of the generated range and the created set, so a page never materialises the list. Mutated on the
 * event loop only; readable from any thread.
 */
final class DocumentBook {
  /** Sort key: creation date, then id. */
  record Key(LocalDateTime created, long id) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = created.compareTo(o.created);
      return c != 0 ? c : Long.compare(id, o.id);
    }
  }

  private final DocumentSource source;
  private final String idField;
  private final Map<Long, AccountsIqRecord> overlay = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<Key, AccountsIqRecord> created =
      new ConcurrentSkipListMap<>();
  private final Map<Long, Key> createdKeys = new ConcurrentHashMap<>();
  private final Map<String, Set<Long>> refs = new ConcurrentHashMap<>();

  DocumentBook(DocumentSource source, String idField) {
    this.source = source;
    this.idField = idField;
  }

  /** The document with {@code id}, or null. */
  AccountsIqRecord get(long id) {
    Key k = createdKeys.get(id);
    if (k != null) return created.get(k);
    AccountsIqRecord o = overlay.get(id);
    if (o != null) return o;
    long i = source.indexOfId(id);
    return i < 0 ? null : source.generate(i);
  }

  /** Documents whose ExternalReference is exactly {@code ref}, by id. */
  List<AccountsIqRecord> byReference(String ref) {
    Set<Long> ids = new TreeSet<>(refs.getOrDefault(ref, Set.of()));
    long i = source.indexOfReference(ref);
    if (i >= 0) ids.add(source.idOf(i));
    List<AccountsIqRecord> out = new ArrayList<>();
    for (long id : ids) {
      AccountsIqRecord r = get(id);
      if (r != null && ref.equals(r.get("ExternalReference"))) out.add(r);
    }
    return out;
  }

  /** Stores a new document ({@code isNew}) or an update of an existing one. */
  void put(AccountsIqRecord doc, boolean isNew) {
    long id = Long.parseLong(doc.get(idField));
    AccountsIqRecord old = isNew ? null : get(id);
    if (old != null && old.get("ExternalReference") != null) {
      Set<Long> s = refs.get(old.get("ExternalReference"));
      if (s != null) s.remove(id);
    }
    if (isNew || createdKeys.containsKey(id)) {
      Key k = createdKeys.computeIfAbsent(id, x -> new Key(doc.dateTime("CreationDate"), id));
      created.put(k, doc);
    } else {
      overlay.put(id, doc);
    }
    String ref = doc.get("ExternalReference");
    if (ref != null) refs.computeIfAbsent(ref, r -> ConcurrentHashMap.newKeySet()).add(id);
  }

  int createdCount() {
    return created.size();
  }

  /**
   * Documents created in {@code [from, to]} (null = open), by (creation, id), optionally reversed.
   */
  Iterator<AccountsIqRecord> ordered(LocalDateTime from, LocalDateTime to, boolean reverse) {
    long lo = from == null ? 0 : firstIndexNotBefore(from);
    long hi = (to == null ? source.size() : firstIndexAfter(to)) - 1;
    NavigableMap<Key, AccountsIqRecord> window =
        created.subMap(
            new Key(from == null ? AccountsIqDates.MIN : from, Long.MIN_VALUE), true,
            new Key(to == null ? LocalDateTime.MAX : to, Long.MAX_VALUE), true);
    Iterator<AccountsIqRecord> made =
        (reverse ? window.descendingMap() : window).values().iterator();
    return new Iterator<>() {
      private long next = reverse ? hi : lo;
      private AccountsIqRecord madeHead = made.hasNext() ? made.next() : null;

      @Override
      public boolean hasNext() {
        return madeHead != null || (reverse ? next >= lo : next <= hi);
      }

      @Override
      public AccountsIqRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        boolean generatedLeft = reverse ? next >= lo : next <= hi;
        if (generatedLeft && madeHead != null) {
          int c = new Key(source.created(next), source.idOf(next)).compareTo(keyOf(madeHead));
          generatedLeft = reverse ? c > 0 : c < 0;
        }
        if (!generatedLeft) {
          AccountsIqRecord r = madeHead;
          madeHead = made.hasNext() ? made.next() : null;
          return r;
        }
        long id = source.idOf(next);
        next += reverse ? -1 : 1;
        AccountsIqRecord o = overlay.get(id);
        return o != null ? o : source.generate(source.indexOfId(id));
      }
    };
  }

  private Key keyOf(AccountsIqRecord r) {
    return createdKeys.get(Long.parseLong(r.get(idField)));
  }

  private long firstIndexNotBefore(LocalDateTime t) {
    long lo = 0;
    long hi = source.size();
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (source.created(mid).isBefore(t)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private long firstIndexAfter(LocalDateTime t) {
    long lo = 0;
    long hi = source.size();
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (!source.created(mid).isAfter(t)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
