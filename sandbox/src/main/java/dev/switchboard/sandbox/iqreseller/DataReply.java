package dev.switchboard.sandbox.iqreseller;

/** What a data operation answers, before scenarios and encoding are applied. */
sealed interface DataReply {
  /** The ordinal page this reply is, or null for unpaged replies. */
  default Integer page() {
    return null;
  }

  /** Records [from, to) of a list as a bare array; {@code page} null when unpaged. */
  record ListReply(RecordCatalog catalog, long from, long to, Integer page) implements DataReply {
    ListReply(RecordCatalog catalog, PageWindow w) {
      this(catalog, w.from(), w.to(), w.page());
    }
  }

  /** One record as a bare object; {@code index < 0} means "no such record" sent as null. */
  record SingleReply(RecordCatalog catalog, long index) implements DataReply {}

  /** A bare WCF XML {@code <int>}. */
  record CountReply(long count) implements DataReply {}

  record ErrorReply(int status, String message) implements DataReply {}
}
