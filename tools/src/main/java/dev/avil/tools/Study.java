package dev.avil.tools;

import dev.avil.api.Grid;
import dev.avil.api.Results;
import dev.avil.api.TrainingFailedException;
import dev.avil.store.CellStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The study: every method in every setting over several seeds, written run by run, one folder per
 * run ({@code OUT/SETTING/cells/METHOD__seed-N/}, see {@link CellStore}), each written atomically.
 * A study killed at any point keeps every run it finished, and a second start resumes where it
 * stopped; a damaged or half-written run is reported by name and run again. Then, or with {@code
 * --summarize} alone, it writes the summary ({@link StudySummary}).
 *
 * <pre>
 * bash tools/study.sh --settings mnist-negative --methods single-task,avil --seeds 1,2,3
 * </pre>
 */
@Command(
    name = "study",
    mixinStandardHelpOptions = true,
    description = "Runs the study's cells that are not done yet, then writes its summary.")
public final class Study implements Callable<Integer> {
  @Mixin private StudyOptions options = new StudyOptions();

  @Option(
      names = "--summarize",
      description = "only write the summary of the finished runs of every setting in the folder")
  private boolean summarizeOnly;

  /** Runs (or summarises) the study. */
  public static void main(String[] args) {
    System.exit(Cli.run(new Study(), args));
  }

  @Override
  public Integer call() {
    if (!summarizeOnly) {
      run(options.out(), options.cells(options::experiment));
    }
    StudySummary.summarize(options.out());
    return 0;
  }

  /** Writes the summary of every setting of the study in {@code out} ({@link StudySummary}). */
  public static void summarize(Path out) {
    StudySummary.summarize(out);
  }

  /**
   * Runs every one of {@code cells} that {@code OUT/SETTING} does not hold yet, side by side, each
   * written as its own cell ({@link CellStore}) the moment it finishes. Damaged and half-written
   * cells are reported by name, removed and run again.
   */
  static void run(Path out, List<Grid.Cell> cells) {
    Map<String, CellStore> stores = new LinkedHashMap<>();
    Map<String, CellStore.Scan> scans = new LinkedHashMap<>();
    for (String setting : cells.stream().map(Grid.Cell::setting).distinct().toList()) {
      CellStore store = CellStore.at(out.resolve(setting));
      for (CellStore.Damaged d : store.migrate()) {
        System.out.println("INCOMPLETE " + setting + " " + d + "; it will run again");
      }
      CellStore.Scan scan = store.scan();
      for (CellStore.Damaged d : scan.damaged()) {
        System.out.println("DAMAGED " + setting + " " + d + "; it will run again");
        store.discard(d);
      }
      stores.put(setting, store);
      scans.put(setting, scan);
    }
    List<Grid.Cell> todo =
        cells.stream()
            .filter(c -> !scans.get(c.setting()).has(c.method().name(), c.seed()))
            .toList();
    Grid.run(
        todo,
        c -> {
          try {
            Results r = c.experiment().seed(c.seed()).method(c.method()).run();
            stores.get(c.setting()).write(r);
            System.out.printf(Locale.ROOT, "%s: test %.4f%n", c, r.testAtBest());
          } catch (TrainingFailedException e) {
            System.out.println("FAILED " + c + ": " + e.getMessage());
          }
          return null;
        },
        true);
  }
}
