package dev.avil.report;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Tables as the toolkit returns them: decimals print with four places in {@code Table.print()}
 * (0.7095, not 0.7094999999999999); the values keep their full precision.
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
}
