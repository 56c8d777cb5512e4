package dev.avil.api;

import dev.avil.report.Csv;
import dev.avil.results.Metric;
import dev.avil.results.Record;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the pair of files that hold runs: {@code history.csv} (one record a line) and
 * {@code config.csv} (one configuration entry a line). Reading checks every line and every run:
 * a damaged line is an error that names the file, the line and what was expected; a run that is
 * incomplete (missing epochs or measurements, or only in one of the two files) is reported with
 * what is missing.
 */
final class RunFiles {
  static final String HISTORY = "history.csv";
  static final String CONFIG = "config.csv";
  static final List<String> HISTORY_HEADER = List.of("method", "seed", "epoch", "task", "metric", "value");
  static final List<String> CONFIG_HEADER = List.of("method", "seed", "key", "value");

  private RunFiles() {}

  /** What a pair of files holds: complete runs, and the incomplete ones with why, index by index. */
  record Contents(List<Results> complete, List<Results> incomplete, List<String> problems) {}

  /** Writes {@code runs} into {@code dir}'s history.csv and config.csv, each atomically. */
  static void write(Path dir, List<Results> runs) {
    List<List<String>> h = new ArrayList<>();
    h.add(HISTORY_HEADER);
    List<List<String>> c = new ArrayList<>();
    c.add(CONFIG_HEADER);
    for (Results r : runs) {
      for (Record x : r.records()) {
        h.add(List.of(x.method(), Long.toString(x.seed()), Integer.toString(x.epoch()), x.task(), x.metric().id(), Csv.number(x.value())));
      }
      r.config().forEach((k, v) -> c.add(List.of(r.method(), Long.toString(r.seed()), k, v)));
    }
    Csv.write(dir.resolve(HISTORY), h);
    Csv.write(dir.resolve(CONFIG), c);
  }

  /**
   * Reads the pair in {@code dir}.
   *
   * @throws IllegalArgumentException naming the file and line, if a line is damaged or a file is
   *     cut short
   */
  static Contents read(Path dir) {
    Path historyFile = dir.resolve(HISTORY);
    Path configFile = dir.resolve(CONFIG);
    if (!Files.exists(historyFile)) {
      throw new IllegalArgumentException(dir + " holds no " + HISTORY + "; expected the files that Results.write or Comparison.report write");
    }
    Map<String, List<Record>> recs = new LinkedHashMap<>();
    Map<String, Map<String, String>> cfgs = new LinkedHashMap<>();
    Map<String, Object[]> ids = new LinkedHashMap<>();
    for (Csv.Row row : rows(historyFile, HISTORY_HEADER)) {
      List<String> f = row.fields();
      long seed = seed(historyFile, row, f.get(1));
      int epoch = epoch(historyFile, row, f.get(2));
      Metric metric;
      try {
        metric = Metric.fromId(f.get(4));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where(historyFile, row) + e.getMessage(), e);
      }
      double value = number(historyFile, row, f.get(5), "a number (value)");
      String id = f.get(0) + "\u0000" + seed;
      ids.putIfAbsent(id, new Object[] {f.get(0), seed});
      recs.computeIfAbsent(id, k -> new ArrayList<>()).add(new Record(f.get(0), seed, epoch, f.get(3), metric, value));
    }
    boolean hasConfig = Files.exists(configFile);
    if (hasConfig) {
      for (Csv.Row row : rows(configFile, CONFIG_HEADER)) {
        List<String> f = row.fields();
        long seed = seed(configFile, row, f.get(1));
        String id = f.get(0) + "\u0000" + seed;
        ids.putIfAbsent(id, new Object[] {f.get(0), seed});
        cfgs.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(f.get(2), f.get(3));
      }
    }
    List<Results> complete = new ArrayList<>();
    List<Results> incomplete = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    ids.forEach((id, ms) -> {
      Results r = new Results((String) ms[0], (Long) ms[1], recs.getOrDefault(id, List.of()), cfgs.getOrDefault(id, Map.of()));
      String problem = incompleteness(r, recs.containsKey(id), !hasConfig || cfgs.containsKey(id), hasConfig);
      if (problem == null) {
        complete.add(r);
      } else {
        incomplete.add(r);
        problems.add(problem);
      }
    });
    return new Contents(complete, incomplete, problems);
  }

  /**
   * Why a run is not complete, or null if it is: it must be in both files, its configuration must
   * name its method and seed, and it must have every epoch up to the configured number, or up to
   * where its early stopping stopped it, each with every task's dev and test accuracy and the
   * epoch's seconds.
   */
  static String incompleteness(Results r, boolean inHistory, boolean inConfig, boolean configChecked) {
    if (!inHistory) {
      return "in " + CONFIG + " but not in " + HISTORY;
    }
    if (!inConfig) {
      return "in " + HISTORY + " but not in " + CONFIG;
    }
    Map<String, String> c = r.config();
    if (configChecked) {
      if (c.containsKey("method") && !c.get("method").equals(r.method())) {
        return CONFIG + " says method '" + c.get("method") + "'";
      }
      if (c.containsKey("seed") && !c.get("seed").equals(Long.toString(r.seed()))) {
        return CONFIG + " says seed " + c.get("seed");
      }
    }
    int last = r.epochs();
    if (c.containsKey("epochs")) {
      int planned;
      try {
        planned = Integer.parseInt(c.get("epochs"));
      } catch (NumberFormatException e) {
        return CONFIG + " says epochs '" + c.get("epochs") + "'; expected a whole number";
      }
      int patience = 0;
      if (c.containsKey("patience")) {
        try {
          patience = Integer.parseInt(c.get("patience"));
        } catch (NumberFormatException e) {
          return CONFIG + " says patience '" + c.get("patience") + "'; expected a whole number";
        }
      }
      // early stopping ends a run patience epochs after its best selection epoch
      boolean stoppedEarly = patience > 0 && last < planned && last == r.bestEpoch() + patience;
      if (last != planned && !stoppedEarly) {
        return last + " of " + planned + " epochs recorded"
            + (patience > 0 ? " (early stopping would have stopped at epoch " + (r.bestEpoch() + patience) + ")" : "");
      }
    }
    Set<Integer> seen = new LinkedHashSet<>();
    r.records().forEach(x -> seen.add(x.epoch()));
    // runs recorded before target steps were counted have none; a run that has them has them all
    boolean countsSteps = r.records().stream().anyMatch(x -> x.metric() == Metric.TARGET_STEPS);
    List<String> tasks = r.tasks();
    for (int e = 1; e <= last; e++) {
      if (!seen.contains(e)) {
        return "epoch " + e + " has no records";
      }
      for (String t : tasks) {
        for (Metric m : List.of(Metric.DEV_ACCURACY, Metric.TEST_ACCURACY)) {
          if (!has(r, e, t, m)) {
            return "epoch " + e + " lacks " + m.id() + " of task " + t;
          }
        }
      }
      if (!has(r, e, Record.ALL_TASKS, Metric.SECONDS)) {
        return "epoch " + e + " lacks its seconds";
      }
      if (countsSteps && !has(r, e, Record.ALL_TASKS, Metric.TARGET_STEPS)) {
        return "epoch " + e + " lacks its target steps";
      }
    }
    return last == 0 ? "no epoch recorded" : null;
  }

  private static boolean has(Results r, int epoch, String task, Metric m) {
    return r.records().stream().anyMatch(x -> x.epoch() == epoch && x.task().equals(task) && x.metric() == m);
  }

  /** The rows after the header, each with the header's number of fields. */
  private static List<Csv.Row> rows(Path file, List<String> header) {
    List<Csv.Row> rows = Csv.readRows(file);
    if (rows.isEmpty() || !rows.get(0).fields().equals(header)) {
      throw new IllegalArgumentException(
          file + " line 1: expected the header " + String.join(",", header) + ", found "
              + (rows.isEmpty() ? "an empty file" : String.join(",", rows.get(0).fields())));
    }
    endsWithLineBreak(file, rows.get(rows.size() - 1));
    for (Csv.Row row : rows.subList(1, rows.size())) {
      if (row.fields().size() != header.size()) {
        throw new IllegalArgumentException(where(file, row) + "expected " + header.size() + " fields ("
            + String.join(",", header) + "), found "
            + (row.isBlank() ? "a blank line" : row.fields().size() + ": " + shorten(String.join(",", row.fields()))));
      }
    }
    return rows.subList(1, rows.size());
  }

  /** The toolkit ends every row with a line break; a last line without one was cut short. */
  private static void endsWithLineBreak(Path file, Csv.Row last) {
    try {
      long size = Files.size(file);
      if (size == 0) {
        return;
      }
      try (var ch = java.nio.channels.FileChannel.open(file)) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
        ch.read(b, size - 1);
        if (b.get(0) != '\n') {
          throw new IllegalArgumentException(where(file, last)
              + "the file ends in the middle of this line; expected every line to end with a line break (the file was cut short)");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static long seed(Path file, Csv.Row row, String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where(file, row) + "expected a whole number (seed), found '" + shorten(s) + "'", e);
    }
  }

  private static int epoch(Path file, Csv.Row row, String s) {
    try {
      int e = Integer.parseInt(s);
      if (e >= 1) {
        return e;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(where(file, row) + "expected an epoch ≥ 1, found '" + shorten(s) + "'");
  }

  private static double number(Path file, Csv.Row row, String s, String what) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where(file, row) + "expected " + what + ", found '" + shorten(s) + "'", e);
    }
  }

  private static String where(Path file, Csv.Row row) {
    return file + " line " + row.line() + ": ";
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
