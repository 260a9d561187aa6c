package dev.switchboard.sandbox.accountsiq;

import java.time.LocalDateTime;

/**
 * How generated historic documents are numbered: document {@code i} of {@code size} has id {@code
 * firstId + i}, ExternalReference {@code refPrefix + id}, and a creation time spread evenly over
 * three years from {@code first}, so creation order is index order (the order the {@code *By}
 * queries page in).
 */
record GeneratedNumbering(long firstId, String refPrefix, LocalDateTime first, long size) {
  private static final long SPAN_SECONDS = 3L * 365 * 24 * 3600;

  /** Creation time of document {@code index}: non-decreasing in the index. */
  LocalDateTime created(long index) {
    return first.plusSeconds(size <= 1 ? 0 : index * SPAN_SECONDS / size);
  }

  long id(long index) {
    return firstId + index;
  }

  String reference(long id) {
    return refPrefix + id;
  }

  /** The index of a generated id, or -1. */
  long indexOfId(long id) {
    long i = id - firstId;
    return i >= 0 && i < size ? i : -1;
  }

  /** The index of a generated ExternalReference, or -1. */
  long indexOfReference(String ref) {
    if (ref == null || !ref.startsWith(refPrefix)) {
      return -1;
    }
    try {
      long id = Long.parseLong(ref.substring(refPrefix.length()));
      return reference(id).equals(ref) ? indexOfId(id) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
