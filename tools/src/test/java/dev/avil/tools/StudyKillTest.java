package dev.avil.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.api.Comparison;
import dev.avil.api.Results;
import dev.avil.results.Metric;
import dev.avil.results.Record;
import dev.avil.store.CellStore;
import dev.avil.store.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A study killed with SIGKILL at random points, several times, resumes to the same summary as a
 * study that ran through.
 */
@Tag("slow")
class StudyKillTest {
  private static final int KILLS = 8;

  @Test
  void aStudyKilledAtRandomPointsResumesToTheSameSummary(@TempDir Path tmp) throws Exception {
    Path straight = tmp.resolve("straight");
    assertThat(runStudy(straight, null)).isTrue();

    Path killed = tmp.resolve("killed");
    Random random = new Random(15);
    int kills = 0;
    for (int i = 0; i < KILLS; i++) {
      // even starts: killed while a cell is being written (its temporary folder exists);
      // odd starts: killed at a random moment after a cell was written
      Kill when = i % 2 == 0 ? new Kill(true, 0) : new Kill(false, random.nextInt(150));
      if (!runStudy(killed, when)) {
        kills++;
      }
    }
    System.out.printf(
        "killed %d of %d starts; %d cells before the last start; log:%n%s%n",
        kills,
        KILLS,
        cells(killed, false),
        Files.readString(killed.resolve("log.txt"))
            .lines()
            .filter(l -> l.startsWith("DAMAGED") || l.startsWith("INCOMPLETE"))
            .toList());
    assertThat(kills).as("starts killed before they finished").isGreaterThanOrEqualTo(KILLS - 2);
    assertThat(runStudy(killed, null)).isTrue();

    assertThat(summaryWithoutTimes(killed)).isEqualTo(summaryWithoutTimes(straight));
    Comparison a = Comparison.read(straight.resolve(SyntheticStudy.SETTING));
    Comparison b = Comparison.read(killed.resolve(SyntheticStudy.SETTING));
    assertThat(b.failures()).isEmpty();
    assertThat(b.runs()).hasSize(3 * SyntheticStudy.SEEDS.length);
    assertThat(withoutTimes(b.runs())).containsExactlyInAnyOrderElementsOf(withoutTimes(a.runs()));
    assertThat(CellStore.at(killed.resolve(SyntheticStudy.SETTING)).scan().damaged()).isEmpty();
  }

  /**
   * When to kill a start: once a cell's temporary folder appears ({@code duringWrite}) or once one
   * more cell is complete, then after {@code delayMs}.
   */
  private record Kill(boolean duringWrite, int delayMs) {}

  /**
   * Runs the study in its own JVM, killed with SIGKILL as {@code kill} says (null: never). True if
   * it finished.
   */
  private static boolean runStudy(Path out, Kill kill) throws IOException, InterruptedException {
    Files.createDirectories(out);
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "-Dai.djl.pytorch.num_threads=1",
            SyntheticStudy.class.getName(),
            out.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(out.resolve("log.txt").toFile()));
    int before = cells(out, false);
    Process p = pb.start();
    if (kill != null) {
      while (p.isAlive()) {
        // a write takes about a millisecond, so polling may miss it: then kill one cell later
        boolean now =
            kill.duringWrite()
                ? cells(out, true) > 0 || cells(out, false) > before + 1
                : cells(out, false) > before;
        if (now) {
          Thread.sleep(kill.delayMs());
          p.destroyForcibly(); // SIGKILL on Linux
          p.waitFor();
          return false;
        }
        Thread.sleep(1);
      }
    }
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("study finished").isTrue();
    assertThat(p.exitValue())
        .as("exit code; log: %s", Files.readString(out.resolve("log.txt")))
        .isZero();
    return true;
  }

  /** The number of complete cells, or of cells being written ({@code writing}). */
  private static int cells(Path out, boolean writing) throws IOException {
    Path cells = out.resolve(SyntheticStudy.SETTING).resolve(CellStore.CELLS);
    if (!Files.isDirectory(cells)) {
      return 0;
    }
    try (var s = Files.list(cells)) {
      return (int) s.filter(p -> p.getFileName().toString().startsWith(".tmp-") == writing).count();
    } catch (java.nio.file.NoSuchFileException e) {
      return 0;
    }
  }

  /** summary.csv without its seconds-per-epoch column, which is a measurement of the machine. */
  private static String summaryWithoutTimes(Path out) {
    Table summary = Csv.read(out.resolve("summary.csv")).removeColumns("seconds_per_epoch");
    assertThat(summary.rowCount()).isGreaterThan(1);
    return summary.write().toString("csv");
  }

  private static List<List<Record>> withoutTimes(List<Results> runs) {
    return runs.stream()
        .map(r -> r.records().stream().filter(x -> x.metric() != Metric.SECONDS).toList())
        .toList();
  }
}
