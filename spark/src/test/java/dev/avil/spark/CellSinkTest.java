package dev.avil.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.api.Comparison;
import dev.avil.api.Results;
import dev.avil.results.Metric;
import dev.avil.results.Record;
import dev.avil.store.CellStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's writes: whole cells, no run twice, a half-written cell not counted as finished. */
class CellSinkTest {
  private static Results run(String method, long seed, double acc) {
    List<Record> records =
        List.of(
            new Record(method, seed, 1, "target", Metric.DEV_ACCURACY, acc),
            new Record(method, seed, 1, "target", Metric.TEST_ACCURACY, acc),
            new Record(method, seed, 1, Record.ALL_TASKS, Metric.SECONDS, 0.1));
    return Results.of(
        method,
        seed,
        records,
        Map.of("method", method, "seed", Long.toString(seed), "target", "target", "epochs", "1"));
  }

  @Test
  void aRunWrittenAgainReplacesTheEarlierOne(@TempDir Path out) throws Exception {
    CellSink sink = new CellSink(out);
    sink.write("s", run("a", 1, 0.5));
    sink.write("s", run("b", 1, 0.6));
    sink.write("s", run("a", 1, 0.7));

    Comparison c = Comparison.read(out.resolve("s"));
    assertThat(c.runs()).extracting(Results::method).containsExactlyInAnyOrder("b", "a");
    assertThat(c.runs(("a")).get(0).testAtBest()).isEqualTo(0.7);
    assertThat(sink.finished(List.of("s", "other")))
        .containsExactlyInAnyOrder(new Cell("s", "a", 1), new Cell("s", "b", 1));
  }

  @Test
  void aHalfWrittenCellIsNotFinishedAndIsRunAgain(@TempDir Path out) throws Exception {
    CellSink sink = new CellSink(out);
    sink.write("s", run("a", 1, 0.5));
    sink.write("s", run("a", 2, 0.5));
    // a job killed while writing: a cell without its configuration, and a temporary folder
    Path cells = out.resolve("s").resolve(CellStore.CELLS);
    try (var folders = Files.list(cells)) {
      Path seed2 =
          folders.filter(p -> p.getFileName().toString().endsWith("2")).findFirst().orElseThrow();
      Files.delete(seed2.resolve("config.csv"));
    }
    Files.createDirectories(cells.resolve(".tmp-a__seed-3-123"));
    assertThat(sink.finished(List.of("s"))).containsExactly(new Cell("s", "a", 1));
    try (var folders = Files.list(cells)) {
      assertThat(folders.map(p -> p.getFileName().toString()))
          .as("damaged cells and leftovers are removed")
          .hasSize(1);
    }
    sink.write("s", run("a", 2, 0.8));
    assertThat(Comparison.read(out.resolve("s")).runs())
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.config()).isNotEmpty());
  }
}
