package dev.avil.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.api.Comparison;
import dev.avil.api.Results;
import dev.avil.results.Metric;
import dev.avil.results.Record;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grid on Spark {@code local[2]}: the same numbers as in process, failed cells, resuming. */
class SparkJobTest {
  private static JavaSparkContext sc;
  private static Comparison inProcess;

  @BeforeAll
  static void start() {
    inProcess = Grids.plans().plan(Grids.SETTING).run();
    assertThat(inProcess.failures()).isEmpty();
    assertThat(inProcess.runs()).hasSize(4);
    sc = new JavaSparkContext(Grids.conf("local[2]"));
  }

  @AfterAll
  static void stop() {
    if (sc != null) {
      sc.close();
    }
  }

  @Test
  void localGridGivesTheRecordsOfTheInProcessComparison(@TempDir Path out) {
    SparkJob.Report report = SparkJob.of(Grids.plans(), Grids.SETTING).run(sc, out);

    assertThat(report.failed()).isEmpty();
    assertThat(report.ran()).hasSize(4);
    assertThat(report.ran())
        .allSatisfy(
            r -> assertThat(r.threads()).as("intra-op threads of %s", r.cell()).isEqualTo(1));
    Comparison written = report.comparison(Grids.SETTING);
    assertSameRuns(written, inProcess);
    // Tablesaw's views still work beside Spark's newer RoaringBitmap and Jackson
    var history = written.history();
    assertThat(history.where(history.stringColumn("method").isEqualTo("uniform")).rowCount())
        .isEqualTo(written.runs("uniform").stream().mapToInt(r -> r.records().size()).sum());
    assertThat(written.table().rowCount()).isEqualTo(2);
  }

  @Test
  void aCellThatThrowsIsReportedAndTheOthersAreKept(@TempDir Path out) {
    SparkJob.Report report = SparkJob.of(Grids.plans(), Grids.FAULTY).run(sc, out);

    assertThat(report.failed())
        .extracting(r -> r.cell().method())
        .containsExactlyInAnyOrder(Grids.EXPLODING, Grids.EXPLODING);
    assertThat(report.failed())
        .allSatisfy(
            r -> {
              assertThat(r.failure()).contains("non-finite training loss").contains("epoch 2");
              assertThat(r.results().epochs()).as("the epoch it finished").isEqualTo(1);
            });
    Comparison written = report.comparison(Grids.FAULTY);
    assertThat(written.runs()).extracting(Results::method).containsExactly("uniform", "uniform");
    assertThat(written.runs()).extracting(Results::seed).containsExactlyInAnyOrder(1L, 2L);
  }

  @Test
  void aRestartedJobSkipsTheFinishedCells(@TempDir Path out) {
    SparkJob full = SparkJob.of(Grids.plans(), Grids.SETTING);
    List<Cell> firstSeed = full.cells().stream().filter(c -> c.seed() == 1).toList();
    SparkJob.of(Grids.plans(), firstSeed).run(sc, out); // a job that stopped after seed 1

    SparkJob.Report again = full.run(sc, out);

    assertThat(again.skipped()).containsExactlyElementsOf(firstSeed);
    assertThat(again.ran()).extracting(r -> r.cell().seed()).containsOnly(2L).hasSize(2);
    assertSameRuns(again.comparison(Grids.SETTING), inProcess);
    assertThat(SparkJob.of(Grids.plans(), Grids.SETTING).run(sc, out).ran())
        .as("a third start has nothing to do")
        .isEmpty();
  }

  /** Equal runs, each once: every record but the wall time, and the whole configuration. */
  static void assertSameRuns(Comparison actual, Comparison expected) {
    assertThat(byRun(actual)).isEqualTo(byRun(expected));
  }

  private static Map<String, Object> byRun(Comparison c) {
    Map<String, Object> m = new TreeMap<>();
    for (Results r : c.runs()) {
      List<Record> records =
          r.records().stream().filter(x -> x.metric() != Metric.SECONDS).toList();
      Object previous = m.put(r.method() + " seed " + r.seed(), List.of(records, r.config()));
      assertThat(previous).as("%s seed %d appears twice", r.method(), r.seed()).isNull();
    }
    return m;
  }
}
