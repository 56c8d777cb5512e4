package dev.avil.report;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.TDistribution;
import tech.tablesaw.aggregate.AggregateFunction;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.aggregate.NumericAggregateFunction;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;

/**
 * Small-sample statistics over seeds, as Tablesaw aggregate functions for {@code
 * summarize(...).by(...)}. Missing values are left out, as Tablesaw's own functions leave them.
 *
 * <pre>{@code
 * runs.summarize("Δ", mean, Stats.HALF_WIDTH_95).by("method");
 * }</pre>
 */
public final class Stats {
  private Stats() {}

  /** Sample standard deviation (n − 1); NaN for fewer than 2 values, where there is no spread. */
  public static final NumericAggregateFunction STD =
      new NumericAggregateFunction("Std") {
        @Override
        public Double summarize(NumericColumn<?> column) {
          DoubleColumn v = column.asDoubleColumn().removeMissing();
          return v.size() < 2 ? Double.NaN : AggregateFunctions.stdDev.summarize(v);
        }
      };

  /**
   * Half-width of the 95% t interval of the mean, with the exact Student-t quantile for n − 1
   * degrees of freedom; NaN for fewer than 2 values.
   */
  public static final NumericAggregateFunction HALF_WIDTH_95 =
      new NumericAggregateFunction("95% half-width") {
        @Override
        public Double summarize(NumericColumn<?> column) {
          DoubleColumn v = column.asDoubleColumn().removeMissing();
          if (v.size() < 2) {
            return Double.NaN;
          }
          return t975(v.size() - 1) * STD.summarize(v) / Math.sqrt(v.size());
        }
      };

  /** Every value signed, to three places, in row order: {@code "+0.012 -0.003"}. */
  public static final AggregateFunction<NumericColumn<?>, String> SIGNED_VALUES =
      new AggregateFunction<>("Values") {
        @Override
        public String summarize(NumericColumn<?> column) {
          return IntStream.range(0, column.size())
              .mapToObj(i -> String.format(Locale.ROOT, "%+.3f", column.getDouble(i)))
              .collect(Collectors.joining(" "));
        }

        @Override
        public boolean isCompatibleColumn(ColumnType type) {
          return AggregateFunctions.mean.isCompatibleColumn(type);
        }

        @Override
        public ColumnType returnType() {
          return ColumnType.STRING;
        }
      };

  /** The 0.975 quantile of Student's t: 12.706 for 1 degree of freedom, 2.000 for 60. */
  public static double t975(int degreesOfFreedom) {
    return new TDistribution(degreesOfFreedom).inverseCumulativeProbability(0.975);
  }
}
