package dev.avil.train;

import dev.avil.results.Metric;
import dev.avil.results.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares records written on one machine with records made on another. What identifies a record
 * (method, seed, epoch, task, metric) and the counts (target steps, skipped α steps) must match
 * exactly; any other value may differ by {@link #TOLERANCE} of its scale, at least 1.
 */
final class GoldenRecords {
  /**
   * How far a value may move: 1e-9 of max(1, |a|, |b|). In double precision, other kernels' order
   * of summation moved no value of the fixture by more than 1e-13 of its scale; a learning rate
   * changed in its seventh digit moves them by more than 1e-8.
   */
  static final double TOLERANCE = 1e-9;

  private GoldenRecords() {}

  /** A record as a line; {@link Double#toString} reads back to the same double. */
  static String row(Record r) {
    return String.join(
        ",",
        r.method(),
        Long.toString(r.seed()),
        Integer.toString(r.epoch()),
        r.task(),
        r.metric().id(),
        Double.toString(r.value()));
  }

  /**
   * Every way {@code now} differs from {@code before} beyond what another machine's kernels can
   * explain, one line each; empty if none.
   */
  static List<String> differences(List<String> before, List<String> now) {
    List<String> out = new ArrayList<>();
    if (before.size() != now.size()) {
      out.add(before.size() + " records before, " + now.size() + " now");
    }
    for (int i = 0; i < Math.min(before.size(), now.size()); i++) {
      String was = before.get(i);
      String is = now.get(i);
      int a = was.lastIndexOf(',');
      int b = is.lastIndexOf(',');
      String key = was.substring(0, a);
      if (!key.equals(is.substring(0, b))) {
        out.add("record " + (i + 1) + ": " + was + " became " + is);
        continue;
      }
      double x = Double.parseDouble(was.substring(a + 1));
      double y = Double.parseDouble(is.substring(b + 1));
      if (!close(exact(key), x, y)) {
        out.add(
            String.format(
                Locale.ROOT,
                "record %d, %s: %s became %s (%s)",
                i + 1,
                key,
                x,
                y,
                exact(key) ? "a count, compared exactly" : "beyond the tolerance"));
      }
    }
    return out;
  }

  /** Whether the record {@code row} (or its key) holds a count, which must match exactly. */
  static boolean isCount(String row) {
    return exact(row.substring(0, row.lastIndexOf(',')));
  }

  private static boolean exact(String key) {
    String metric = key.substring(key.lastIndexOf(',') + 1);
    return metric.equals(Metric.TARGET_STEPS.id())
        || metric.equals(Metric.SKIPPED_ALPHA_STEPS.id())
        || metric.equals(Metric.SKIPPED_STEPS.id());
  }

  private static boolean close(boolean exact, double x, double y) {
    if (exact || Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x)) {
      return Double.compare(x, y) == 0;
    }
    double scale = Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
    return Math.abs(x - y) <= TOLERANCE * scale;
  }
}
