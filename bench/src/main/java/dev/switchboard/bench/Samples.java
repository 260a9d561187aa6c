package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one quantity, shown as "median (min–max)". */
final class Samples {
  private final List<Double> values = new ArrayList<>();

  void add(double v) {
    values.add(v);
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  double median() {
    double[] v = sorted();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  double min() {
    return sorted()[0];
  }

  double max() {
    double[] v = sorted();
    return v[v.length - 1];
  }

  private double[] sorted() {
    if (values.isEmpty()) throw new IllegalStateException("no samples");
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v;
  }

  /** "1,234 (1,100–1,300)" with {@code decimals} digits; just the value when there is one run. */
  String show(int decimals) {
    if (values.isEmpty()) return "–";
    String m = num(median(), decimals);
    return values.size() == 1
        ? m
        : m + " (" + num(min(), decimals) + "–" + num(max(), decimals) + ")";
  }

  static String num(double v, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  /** The {@code q}-quantile (0..1) of latencies in nanoseconds, in milliseconds (nearest rank). */
  static double percentileMs(long[] nanos, double q) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    int rank = (int) Math.ceil(q * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, rank))] / 1e6;
  }
}
