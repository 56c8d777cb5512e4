package dev.avil.store;

import dev.avil.results.Metric;
import dev.avil.results.Patience;
import dev.avil.results.Record;
import dev.avil.results.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reads and writes the pair of files that hold runs: {@code history.csv} (one record a line) and
 * {@code config.csv} (one configuration entry a line). Reading checks every line and every run: a
 * damaged line is an error that names the file, the line and what was expected; a run that is
 * incomplete (missing epochs or measurements, or only in one of the two files) is reported with
 * what is missing.
 */
public final class RunFiles {
  /** The file of records. */
  public static final String HISTORY = "history.csv";

  /** The file of configurations. */
  public static final String CONFIG = "config.csv";

  static final List<String> HISTORY_HEADER =
      List.of("method", "seed", "epoch", "task", "metric", "value");
  static final List<String> CONFIG_HEADER = List.of("method", "seed", "key", "value");

  private RunFiles() {}

  /**
   * What a pair of files holds: complete runs, and the incomplete ones with why, index by index.
   */
  public record Contents(List<Run> complete, List<Run> incomplete, List<String> problems) {
    /** One line per incomplete run, in order: "incomplete run M seed S in DIR: problem". */
    public List<String> incompleteLines(Path dir) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < incomplete.size(); i++) {
        Run r = incomplete.get(i);
        out.add(
            String.format(
                "incomplete run %s seed %d in %s: %s", r.method(), r.seed(), dir, problems.get(i)));
      }
      return out;
    }
  }

  /** Writes {@code runs} into {@code dir}'s history.csv and config.csv, each atomically. */
  public static void write(Path dir, List<? extends Run> runs) {
    List<Record> records = new ArrayList<>();
    List<String[]> config = new ArrayList<>();
    for (Run r : runs) {
      records.addAll(r.records());
      String seed = Long.toString(r.seed());
      r.config().forEach((k, v) -> config.add(new String[] {r.method(), seed, k, v}));
    }
    Csv.write(dir.resolve(HISTORY), history("history", records));
    Table c = Table.create("config");
    for (int i = 0; i < CONFIG_HEADER.size(); i++) {
      int at = i;
      c.addColumns(
          StringColumn.create(CONFIG_HEADER.get(i), config.stream().map(e -> e[at]).toList()));
    }
    Csv.write(dir.resolve(CONFIG), c);
  }

  /**
   * Records as a table of {@code history.csv}'s columns: method, seed, epoch, task, metric, value.
   */
  public static Table history(String name, List<Record> records) {
    return Table.create(
        name,
        StringColumn.create("method", records.stream().map(Record::method).toList()),
        LongColumn.create("seed", records.stream().mapToLong(Record::seed).toArray()),
        IntColumn.create("epoch", records.stream().mapToInt(Record::epoch).toArray()),
        StringColumn.create("task", records.stream().map(Record::task).toList()),
        StringColumn.create("metric", records.stream().map(r -> r.metric().id()).toList()),
        DoubleColumn.create("value", records.stream().mapToDouble(Record::value).toArray()));
  }

  /**
   * Reads the pair in {@code dir}.
   *
   * @throws IllegalArgumentException naming the file and line, if a line is damaged or a file is
   *     cut short
   */
  public static Contents read(Path dir) {
    Path historyFile = dir.resolve(HISTORY);
    Path configFile = dir.resolve(CONFIG);
    if (!Files.exists(historyFile)) {
      throw new IllegalArgumentException(
          dir
              + " holds no "
              + HISTORY
              + "; expected the files that Results.save or Comparison.save write");
    }
    Map<String, List<Record>> recs = new LinkedHashMap<>();
    Map<String, Map<String, String>> cfgs = new LinkedHashMap<>();
    Map<String, Object[]> ids = new LinkedHashMap<>();
    Csv.Rows history = Csv.rows(historyFile, HISTORY_HEADER);
    Table h = history.table();
    for (int i = 0; i < h.rowCount(); i++) {
      String method = h.getString(i, 0);
      long seed = seed(history, i, h.getString(i, 1));
      int epoch = epoch(history, i, h.getString(i, 2));
      Metric metric;
      try {
        metric = Metric.fromId(h.getString(i, 4));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(history.where(i) + e.getMessage(), e);
      }
      double value = value(history, i, h.getString(i, 5));
      String id = method + "\u0000" + seed;
      ids.putIfAbsent(id, new Object[] {method, seed});
      Record record = new Record(method, seed, epoch, h.getString(i, 3), metric, value);
      recs.computeIfAbsent(id, k -> new ArrayList<>()).add(record);
    }
    boolean hasConfig = Files.exists(configFile);
    if (hasConfig) {
      Csv.Rows config = Csv.rows(configFile, CONFIG_HEADER);
      Table c = config.table();
      for (int i = 0; i < c.rowCount(); i++) {
        long seed = seed(config, i, c.getString(i, 1));
        String id = c.getString(i, 0) + "\u0000" + seed;
        ids.putIfAbsent(id, new Object[] {c.getString(i, 0), seed});
        Map<String, String> cfg = cfgs.computeIfAbsent(id, k -> new LinkedHashMap<>());
        cfg.put(c.getString(i, 2), c.getString(i, 3));
      }
    }
    List<Run> complete = new ArrayList<>();
    List<Run> incomplete = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    ids.forEach(
        (id, ms) -> {
          Run r =
              new Run(
                  (String) ms[0],
                  (Long) ms[1],
                  recs.getOrDefault(id, List.of()),
                  cfgs.getOrDefault(id, Map.of()));
          String problem =
              incompleteness(
                  r, recs.containsKey(id), !hasConfig || cfgs.containsKey(id), hasConfig);
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
  static String incompleteness(Run r, boolean inHistory, boolean inConfig, boolean configChecked) {
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
      double planned = number(c, "epochs", Double.NaN);
      double patience = number(c, "patience", 0);
      if (planned != Math.rint(planned) || patience != Math.rint(patience)) {
        return CONFIG
            + " says epochs '"
            + c.get("epochs")
            + "' and patience '"
            + c.get("patience")
            + "'; expected whole numbers";
      }
      // early stopping ends a run its wait after its best selection epoch, once that epoch has
      // left chance (runs recorded before the rule have no chance recorded)
      double learned = number(c, "selectionChance", 0) + number(c, "chanceMargin", 0);
      int stop =
          r.bestEpoch()
              + Patience.wait((int) patience, number(c, "patienceGrowth", 0), r.bestEpoch());
      boolean stoppedEarly =
          patience > 0
              && last < planned
              && last == stop
              && (!(learned > 0) || r.devAtBest() > learned);
      if (last != planned && !stoppedEarly) {
        return last
            + " of "
            + (int) planned
            + " epochs recorded"
            + (patience > 0 ? " (early stopping would have stopped at epoch " + stop + ")" : "");
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

  /** Whether {@code r} recorded a value of {@code m} for {@code task} in {@code epoch}. */
  private static boolean has(Run r, int epoch, String task, Metric m) {
    return !Double.isNaN(r.value(epoch, task, m));
  }

  private static long seed(Csv.Rows rows, int row, String s) {
    return parsed(rows, row, s, "a whole number (seed)", Long::parseLong, x -> true);
  }

  private static int epoch(Csv.Rows rows, int row, String s) {
    return parsed(rows, row, s, "an epoch ≥ 1", Integer::parseInt, e -> e >= 1);
  }

  /** {@code s} read by {@code parse} and accepted by {@code ok}, else an error at its line. */
  private static <T> T parsed(
      Csv.Rows rows,
      int row,
      String s,
      String expected,
      java.util.function.Function<String, T> parse,
      java.util.function.Predicate<T> ok) {
    try {
      T v = parse.apply(s);
      if (ok.test(v)) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(
        rows.where(row) + "expected " + expected + ", found '" + shorten(s) + "'");
  }

  /** A measurement; an empty field is a missing one (NaN), as Tablesaw writes it. */
  private static double value(Csv.Rows rows, int row, String s) {
    return s.isEmpty()
        ? Double.NaN
        : parsed(rows, row, s, "a number (value)", Double::parseDouble, x -> true);
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /** The number under {@code key} in {@code c}, or {@code otherwise} if it has none or another. */
  private static double number(Map<String, String> c, String key, double otherwise) {
    try {
      return c.containsKey(key) ? Double.parseDouble(c.get(key)) : otherwise;
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
