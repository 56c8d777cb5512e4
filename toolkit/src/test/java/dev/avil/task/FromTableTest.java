package dev.avil.task;

import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Rows without a label are an error, or dropped when asked. */
class FromTableTest {
  private static Table table(String... labels) {
    double[] x = new double[labels.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    return Table.create("t", DoubleColumn.create("x", x), StringColumn.create("y", labels));
  }

  private static final String[] LABELS = {
    "a", "b", null, "a", "b", "a", "b", "a", "", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a",
    "b"
  };

  @Test
  void aMissingStringLabelIsAnErrorNamingTheRow() {
    assertRefused(
        () -> Tasks.fromTable(table(LABELS)).label("y").build(),
        "row 2 of table 't' has no label in column 'y' (2 rows have none)",
        ".missingLabels(Tasks.MissingLabels.DROP)");
  }

  @Test
  void missingLabelsAreDroppedWhenAsked() {
    Task t =
        Tasks.fromTable(table(LABELS)).label("y").missingLabels(Tasks.MissingLabels.DROP).build();
    assertThat(t.classes()).isEqualTo(2);
    assertThat(t.train().size() + t.dev().size() + t.test().size()).isEqualTo(18);
  }

  @Test
  void aMissingNumericLabelIsAnErrorToo() {
    Table t =
        Table.create(
            "n",
            DoubleColumn.create("x", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
            DoubleColumn.create("y", 0, 1, 0, Double.NaN, 1, 0, 1, 0, 1, 0));
    assertThatThrownBy(() -> Tasks.fromTable(t).label("y").build())
        .hasMessageContaining("row 3 of table 'n' has no label");
  }
}
