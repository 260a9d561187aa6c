package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Run order of the systems, rotated each run so no system is always first (or last). */
final class Rotation {
  private Rotation() {}

  static List<Sut> of(Collection<Sut> systems, int run) {
    List<Sut> order = new ArrayList<>(systems);
    Collections.rotate(order, -(run - 1));
    return order;
  }
}
