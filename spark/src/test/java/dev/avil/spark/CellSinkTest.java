package dev.avil.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.api.Comparison;
import dev.avil.api.Results;
import dev.avil.report.Csv;
import dev.avil.train.Metric;
import dev.avil.train.Record;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's writes: whole files, no run twice, a half-written run not counted as finished. */
class CellSinkTest {
  private static Results run(String method, long seed, double acc) {
    List<Record> records = List.of(
        new Record(method, seed, 1, "target", Metric.DEV_ACCURACY, acc),
        new Record(method, seed, 1, "target", Metric.TEST_ACCURACY, acc));
    return Results.of(method, seed, records, Map.of("method", method, "seed", Long.toString(seed), "target", "target"));
  }

  @Test
  void aRunWrittenAgainReplacesTheEarlierOne(@TempDir Path out) throws Exception {
    CellSink sink = new CellSink(out);
    sink.write("s", run("a", 1, 0.5));
    sink.write("s", run("b", 1, 0.6));
    sink.write("s", run("a", 1, 0.7));

    Comparison c = Comparison.read(out.resolve("s"));
    assertThat(c.runs()).extracting(Results::method).containsExactly("b", "a");
    assertThat(c.runs(("a")).get(0).testAtBest()).isEqualTo(0.7);
    assertThat(sink.finished(List.of("s", "other"))).containsExactlyInAnyOrder(new Cell("s", "a", 1), new Cell("s", "b", 1));
    try (var files = Files.list(out.resolve("s"))) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files left").containsExactlyInAnyOrder("history.csv", "config.csv");
    }
  }

  @Test
  void aRunWhoseConfigurationWasNotWrittenIsNotFinishedAndIsReplaced(@TempDir Path out) throws Exception {
    CellSink sink = new CellSink(out);
    sink.write("s", run("a", 1, 0.5));
    sink.write("s", run("a", 2, 0.5));
    // a job killed between the two renames: history.csv has seed 2, config.csv does not
    List<List<String>> config = new ArrayList<>(Csv.read(out.resolve("s/config.csv")));
    config.removeIf(row -> row.get(1).equals("2"));
    Csv.write(out.resolve("s/config.csv"), config);

    Files.createDirectories(out.resolve("s/.writing-123"));
    Files.writeString(out.resolve("s/.writing-123/history.csv"), "method,seed");
    assertThat(sink.finished(List.of("s"))).containsExactly(new Cell("s", "a", 1));
    assertThat(out.resolve("s/.writing-123")).as("a killed write's leftovers are removed").doesNotExist();
    sink.write("s", run("a", 2, 0.8));
    assertThat(Comparison.read(out.resolve("s")).runs()).hasSize(2).allSatisfy(r -> assertThat(r.config()).isNotEmpty());
  }
}
