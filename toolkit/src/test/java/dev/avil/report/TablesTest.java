package dev.avil.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class TablesTest {
  @Test
  void decimalsPrintWithFourPlacesAndKeepTheirValues() {
    double mean = (0.6385 + 0.741 + 0.749) / 3; // 0.7094999999999999 in binary floating point
    Table t = Tables.of("t", IntColumn.create("seed", new int[] {7}), DoubleColumn.create("acc", mean));
    assertThat(t.print()).contains("0.7095").doesNotContain("0.70949999");
    assertThat(t.doubleColumn("acc").getDouble(0)).isEqualTo(mean);
    assertThat(t.print()).as("whole numbers print as they are").contains(" 7 ");
  }
}
