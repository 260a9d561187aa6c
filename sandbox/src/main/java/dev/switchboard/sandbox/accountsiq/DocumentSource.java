package dev.switchboard.sandbox.accountsiq;

import java.time.LocalDateTime;

/**
 * A generated, creation-ordered document list (invoices or transactions) a {@link DocumentBook}
 * overlays.
 */
interface DocumentSource {
  long size();

  /** Non-decreasing in {@code index}. */
  LocalDateTime created(long index);

  AccountsIqRecord generate(long index);

  long idOf(long index);

  /** The index of generated id {@code id}, or -1. */
  long indexOfId(long id);

  /** The index of the generated document whose original ExternalReference is {@code ref}, or -1. */
  long indexOfReference(String ref);

  static DocumentSource of(InvoiceGenerator g) {
    return new DocumentSource() {
      @Override
      public long size() {
        return g.size;
      }

      @Override
      public LocalDateTime created(long i) {
        return g.numbering().created(i);
      }

      @Override
      public AccountsIqRecord generate(long i) {
        return g.generate(i);
      }

      @Override
      public long idOf(long i) {
        return InvoiceGenerator.FIRST_ID + i;
      }

      @Override
      public long indexOfId(long id) {
        return g.numbering().indexOfId(id);
      }

      @Override
      public long indexOfReference(String ref) {
        return g.numbering().indexOfReference(ref);
      }
    };
  }

  static DocumentSource of(TransactionGenerator g) {
    return new DocumentSource() {
      @Override
      public long size() {
        return g.size;
      }

      @Override
      public LocalDateTime created(long i) {
        return g.numbering().created(i);
      }

      @Override
      public AccountsIqRecord generate(long i) {
        return g.generate(i);
      }

      @Override
      public long idOf(long i) {
        return TransactionGenerator.FIRST_ID + i;
      }

      @Override
      public long indexOfId(long id) {
        return g.numbering().indexOfId(id);
      }

      @Override
      public long indexOfReference(String ref) {
        return g.numbering().indexOfReference(ref);
      }
    };
  }
}
