package dev.avil.report;

import static tech.tablesaw.aggregate.AggregateFunctions.count;
import static tech.tablesaw.aggregate.AggregateFunctions.mean;
import static tech.tablesaw.aggregate.AggregateFunctions.min;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A comparison's statistics over seeds, built once with Tablesaw's {@code summarize(...).by(...)}
 * from a table of runs; {@code Comparison.table()} and the study's summary both read them.
 *
 * <pre>{@code
 * Table runs = SeedStats.runs(c.runs());
 * Table stats = SeedStats.methods(runs, c.methods());           // mean ± std per method
 * Table vsSingle = SeedStats.differences(runs, c.methods(), "single-task");
 * }</pre>
 */
public final class SeedStats {
  private SeedStats() {}

  /**
   * One row per run: method, seed, best epoch, dev and test accuracy at it, test accuracy at the
   * last epoch, target steps to the best epoch, epochs trained and seconds per epoch.
   */
  public static Table runs(List<? extends RunViews> runs) {
    return Tables.from("runs", runs)
        .text("method", RunViews::method)
        .longs("seed", RunViews::seed)
        .ints("best epoch", RunViews::bestEpoch)
        .doubles("dev acc", RunViews::devAtBest)
        .doubles("test acc", RunViews::testAtBest)
        .doubles("test acc (last)", RunViews::testAtLast)
        .doubles("target steps", RunViews::targetSteps)
        .doubles("epochs", RunViews::epochs)
        .doubles("s/epoch", RunViews::secondsPerEpoch)
        .table();
  }

  /**
   * Per method, in the order given (a method without runs has 0 runs and missing values): runs,
   * mean and std of the test accuracy at the best dev epoch, mean test accuracy at the last epoch,
   * and the means of target steps, epochs and seconds per epoch.
   */
  public static Table methods(Table runs, List<String> methods) {
    List<String> columns =
        List.of("test acc", "test acc (last)", "target steps", "epochs", "s/epoch");
    Table s = runs.summarize(columns, count, mean, Stats.STD).by("method");
    Map<String, Integer> row = rows(s);
    return Tables.from("methods", methods)
        .text("method", m -> m)
        .ints("runs", m -> row.containsKey(m) ? (int) get(s, row, m, "Count [test acc]") : 0)
        .doubles("test acc mean", m -> get(s, row, m, "Mean [test acc]"))
        .doubles("test acc std", m -> get(s, row, m, "Std [test acc]"))
        .doubles("test acc (last) mean", m -> get(s, row, m, "Mean [test acc (last)]"))
        .doubles("target steps", m -> get(s, row, m, "Mean [target steps]"))
        .doubles("epochs", m -> get(s, row, m, "Mean [epochs]"))
        .doubles("s/epoch", m -> get(s, row, m, "Mean [s/epoch]"))
        .table();
  }

  /**
   * Each run's test accuracy minus that of the {@code baseline} run with the same seed, in the
   * order of {@code runs}: method, seed, test acc, Δ.
   */
  public static Table paired(Table runs, String baseline) {
    Table base =
        runs.where(runs.stringColumn("method").isEqualTo(baseline))
            .selectColumns("seed", "test acc");
    base.column("test acc").setName("baseline test acc");
    Table mine =
        runs.selectColumns("method", "seed", "test acc")
            .addColumns(IntColumn.indexColumn("order", runs.rowCount(), 0));
    Table paired = mine.joinOn("seed").inner(base).sortAscendingOn("order");
    DoubleColumn d =
        paired
            .doubleColumn("test acc")
            .subtract(paired.doubleColumn("baseline test acc"))
            .setName("Δ");
    return paired.selectColumns("method", "seed", "test acc").addColumns(d);
  }

  /**
   * Per method, in the order given: the paired differences to {@code baseline} ({@link #paired}):
   * their number, mean, 95% t interval, the worst (lowest) of them and the values seed by seed. The
   * columns are {@code method}, {@code pairs}, {@code Δ vs BASELINE}, {@code Δ 95% low}, {@code Δ
   * 95% high}, {@code worst Δ} and {@code Δ per seed}. The worst difference to single-task says
   * whether a method can harm: its mean can be level while one seed falls far behind.
   */
  public static Table differences(Table runs, List<String> methods, String baseline) {
    Table s =
        paired(runs, baseline)
            .summarize("Δ", count, mean, min, Stats.HALF_WIDTH_95, Stats.SIGNED_VALUES)
            .by("method");
    Map<String, Integer> row = rows(s);
    String hw = "95% half-width [Δ]";
    return Tables.from("Δ vs " + baseline, methods)
        .text("method", m -> m)
        .ints("pairs", m -> row.containsKey(m) ? (int) get(s, row, m, "Count [Δ]") : 0)
        .doubles("Δ vs " + baseline, m -> get(s, row, m, "Mean [Δ]"))
        .doubles("Δ 95% low", m -> get(s, row, m, "Mean [Δ]") - get(s, row, m, hw))
        .doubles("Δ 95% high", m -> get(s, row, m, "Mean [Δ]") + get(s, row, m, hw))
        .doubles("worst Δ", m -> get(s, row, m, "Min [Δ]"))
        .text("Δ per seed", m -> row.containsKey(m) ? s.getString(row.get(m), "Values [Δ]") : "")
        .table();
  }

  /** The row of each method in a table summarised by method. */
  private static Map<String, Integer> rows(Table summary) {
    Map<String, Integer> row = new HashMap<>();
    for (int i = 0; i < summary.rowCount(); i++) {
      row.put(summary.getString(i, "method"), i);
    }
    return row;
  }

  /** A method's value in a summarised column; NaN for a method without runs. */
  private static double get(Table summary, Map<String, Integer> row, String method, String column) {
    Integer i = row.get(method);
    return i == null ? Double.NaN : summary.doubleColumn(column).getDouble(i);
  }
}
