package dev.avil.api;

import dev.avil.report.RunViews;
import dev.avil.results.Record;
import dev.avil.results.Run;
import dev.avil.store.RunFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one run produced: a long-format list of {@link Record}s, the source of truth, and the run's
 * full configuration. Tables and figures are views of the records, laid out by {@link RunViews}
 * ({@link #summary()}, {@link #weights()}, {@link #judgement()}, {@link #weightPlot()}, {@link
 * #curves()}). Model selection is by the target's dev accuracy (its model-selection part).
 *
 * <pre>{@code
 * Results r = Experiment.target(left).aux(right).alphaVil().run();
 * r.summary();         // per task: best-dev epoch, dev and test accuracy
 * r.testAtBest();      // the target's test accuracy at its best dev epoch
 * r.save(Path.of("results/run1"));
 * }</pre>
 */
public final class Results extends Run implements RunViews {
  Results(Run run) {
    this(run.method(), run.seed(), run.records(), run.config());
  }

  Results(String method, long seed, List<Record> records, Map<String, String> config) {
    super(method, seed, records, config);
  }

  /**
   * Results from records and a configuration made elsewhere, for example by a study's own runner.
   *
   * @param method the method's name
   * @param seed the seed
   * @param records every record, in the order they were made
   * @param config the resolved configuration
   * @return the results
   */
  public static Results of(
      String method, long seed, List<Record> records, Map<String, String> config) {
    return new Results(method, seed, records, config);
  }

  /**
   * Writes {@code history.csv} and {@code config.csv} into {@code dir}, each atomically; {@link
   * #read} reads them back into equal results.
   */
  public void save(Path dir) {
    RunFiles.write(dir, List.of(this));
  }

  /**
   * Reads one run from the files {@link #save} wrote.
   *
   * @throws IllegalArgumentException if {@code dir} holds no complete run or several, or a line is
   *     damaged; the message names the file, the line and what was expected
   */
  public static Results read(Path dir) {
    RunFiles.Contents c = RunFiles.read(dir);
    if (!c.problems().isEmpty()) {
      throw new IllegalArgumentException(c.incompleteLines(dir).get(0));
    }
    if (c.complete().size() != 1) {
      throw new IllegalArgumentException(
          dir + " holds " + c.complete().size() + " runs; use Comparison.read for several");
    }
    return new Results(c.complete().get(0));
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "Results[%s seed %d: %d epochs, target %s test acc %.4f at best dev epoch %d]",
        method(),
        seed(),
        epochs(),
        target(),
        testAtBest(),
        bestEpoch());
  }
}
