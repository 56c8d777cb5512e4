package dev.avil.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The toolkit's {@link Figure}s, drawn from tables: each is interactive where JavaScript runs and a
 * static image where it does not, and saves as SVG or PNG.
 *
 * <pre>{@code
 * Figure f = Figures.lines(weights, "epoch", "weight", "task", "Task weights", "epoch", "weight");
 * f.save(Path.of("weights.svg"));
 * }</pre>
 */
public final class Figures {
  private Figures() {}

  /** One line per group: {@code y} against {@code x} for each distinct value of {@code group}. */
  public static Figure lines(
      Table t, String x, String y, String group, String title, String xTitle, String yTitle) {
    Map<String, List<double[]>> byGroup = new LinkedHashMap<>();
    NumericColumn<?> xs = t.numberColumn(x);
    NumericColumn<?> ys = t.numberColumn(y);
    for (int r = 0; r < t.rowCount(); r++) {
      byGroup
          .computeIfAbsent(t.column(group).getString(r), k -> new ArrayList<>())
          .add(new double[] {xs.getDouble(r), ys.getDouble(r)});
    }
    List<Figure.Trace> traces = new ArrayList<>();
    byGroup.forEach(
        (name, pts) ->
            traces.add(
                Figure.Trace.lines(
                    name,
                    pts.stream().mapToDouble(p -> p[0]).toArray(),
                    pts.stream().mapToDouble(p -> p[1]).toArray())));
    return new Figure(title, xTitle, yTitle, null, traces);
  }

  /**
   * A bar per category (its mean) with every single value drawn as a point over it.
   *
   * @param categories the category names, in order
   * @param means each category's mean
   * @param pointCategories the category of each single value
   * @param points the single values
   * @param title the figure's title
   * @param yTitle the y axis' title
   */
  public static Figure barsWithPoints(
      StringColumn categories,
      DoubleColumn means,
      StringColumn pointCategories,
      DoubleColumn points,
      String title,
      String yTitle) {
    double lo = points.isEmpty() ? 0 : points.min();
    double hi = points.isEmpty() ? 1 : points.max();
    double pad = Math.max(0.01, (hi - lo) * 0.3);
    double[] range = {Math.max(0, lo - pad), Math.min(1.0001, hi + pad)};
    return new Figure(
        title,
        null,
        yTitle,
        range,
        List.of(
            Figure.Trace.bars(
                "mean", categories.asList().toArray(new String[0]), means.asDoubleArray()),
            Figure.Trace.points(
                "single seeds",
                pointCategories.asList().toArray(new String[0]),
                points.asDoubleArray())));
  }
}
