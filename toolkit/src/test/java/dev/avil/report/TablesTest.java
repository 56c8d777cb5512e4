package dev.avil.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class TablesTest {
  @Test
  void decimalsPrintWithFourPlacesAndKeepTheirValues() {
    double mean = (0.6385 + 0.741 + 0.749) / 3; // 0.7094999999999999 in binary floating point
    Table t =
        Tables.of("t", IntColumn.create("seed", new int[] {7}), DoubleColumn.create("acc", mean));
    assertThat(t.print()).contains("0.7095").doesNotContain("0.70949999");
    assertThat(t.doubleColumn("acc").getDouble(0)).isEqualTo(mean);
    assertThat(t.print()).as("whole numbers print as they are").contains(" 7 ");
  }

  @Test
  void aTableFromItemsHasOneRowPerItemAndTypedColumns() {
    record Run(String method, long seed, int epochs, double acc) {}
    List<Run> runs = List.of(new Run("a", 1L << 40, 12, 0.5), new Run("b", 2, 30, 0.25));
    Table t =
        Tables.from("runs", runs)
            .text("method", Run::method)
            .longs("seed", Run::seed)
            .ints("epochs", Run::epochs)
            .doubles("acc", Run::acc)
            .table();
    assertThat(t.name()).isEqualTo("runs");
    assertThat(t.columnNames()).containsExactly("method", "seed", "epochs", "acc");
    assertThat(t.stringColumn("method").asList()).containsExactly("a", "b");
    assertThat(t.longColumn("seed").get(0)).as("a seed beyond an int").isEqualTo(1L << 40);
    assertThat(t.intColumn("epochs").asList()).containsExactly(12, 30);
    assertThat(t.doubleColumn("acc").get(1)).isEqualTo(0.25);
    assertThat(t.print()).contains("0.2500");
  }
}
