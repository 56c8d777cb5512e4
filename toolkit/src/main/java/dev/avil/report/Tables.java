package dev.avil.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Tables as the toolkit returns them: decimals print with four places in {@code Table.print()}
 * (0.7095, not 0.7094999999999999); the values keep their full precision.
 *
 * <pre>{@code
 * Table t = Tables.from("runs", runs)          // one row per item
 *     .text("method", Results::method)
 *     .doubles("test acc", Results::testAtBest)
 *     .table();
 * }</pre>
 */
public final class Tables {
  private Tables() {}

  /** A table named {@code name} of {@code columns}. */
  public static Table of(String name, Column<?>... columns) {
    for (Column<?> c : columns) {
      if (c instanceof DoubleColumn d) {
        d.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
      }
    }
    return Table.create(name, columns);
  }

  /** A table named {@code name} with one row per item; its columns are added one by one. */
  public static <T> Builder<T> from(String name, Collection<T> items) {
    return new Builder<>(name, List.copyOf(items));
  }

  /**
   * Builds a table from items, a column at a time: each column is named once, beside the value it
   * takes from an item.
   *
   * @param <T> the items' type
   */
  public static final class Builder<T> {
    private final String name;
    private final List<T> items;
    private final List<Column<?>> columns = new ArrayList<>();

    private Builder(String name, List<T> items) {
      this.name = name;
      this.items = items;
    }

    /** Adds a text column. */
    public Builder<T> text(String column, Function<? super T, String> value) {
      columns.add(StringColumn.create(column, items.stream().map(value)));
      return this;
    }

    /** Adds a column of whole numbers. */
    public Builder<T> ints(String column, ToIntFunction<? super T> value) {
      columns.add(IntColumn.create(column, items.stream().mapToInt(value).toArray()));
      return this;
    }

    /** Adds a column of long whole numbers (seeds may exceed an int). */
    public Builder<T> longs(String column, ToLongFunction<? super T> value) {
      columns.add(LongColumn.create(column, items.stream().mapToLong(value).toArray()));
      return this;
    }

    /** Adds a column of decimals. */
    public Builder<T> doubles(String column, ToDoubleFunction<? super T> value) {
      columns.add(DoubleColumn.create(column, items.stream().mapToDouble(value).toArray()));
      return this;
    }

    /** The table, its decimals printed as {@link Tables#of} prints them. */
    public Table table() {
      return of(name, columns.toArray(new Column<?>[0]));
    }
  }
}
