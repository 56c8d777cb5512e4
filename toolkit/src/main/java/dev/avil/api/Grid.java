package dev.avil.api;

import dev.avil.train.Cells;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Every method with every seed in every setting: the cells of a comparison, of the study and of the
 * Spark study, enumerated and run in one place. Cells come seed by seed across all settings, so a
 * grid stopped early is balanced, and they run side by side ({@link Cells}), within a seed those
 * that train the auxiliary tasks first.
 *
 * <pre>{@code
 * Grid g = new Grid(Map.of("mnist-negative", Settings.mnistNegative()), methods, new long[] {1, 2});
 * List<Results> done = g.run(g.cells(), cell -> cell.run(listener), true);
 * }</pre>
 *
 * @param settings each setting's experiment by name, in order
 * @param methods the methods, in order
 * @param seeds the seeds, in order
 */
public record Grid(Map<String, Experiment> settings, List<Method> methods, long[] seeds) {
  /** Copies the lists. */
  public Grid {
    settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    methods = List.copyOf(methods);
    seeds = seeds.clone();
  }

  /**
   * One run of a grid.
   *
   * @param setting the setting's name
   * @param experiment the setting's experiment
   * @param method the method
   * @param seed the seed
   */
  public record Cell(String setting, Experiment experiment, Method method, long seed) {
    /**
     * Trains the cell, reporting progress to {@code listener}.
     *
     * @throws TrainingFailedException if training stops early; it carries the finished epochs
     */
    public Results run(dev.avil.train.TrainingListener listener) {
      return experiment.runWith(method, seed, listener);
    }

    @Override
    public String toString() {
      return (setting.isEmpty() ? "" : setting + " ") + method.name() + " seed " + seed;
    }
  }

  /** The seeds, in order. */
  @Override
  public long[] seeds() {
    return seeds.clone();
  }

  /** Every cell: seed by seed, then setting by setting, then method by method. */
  public List<Cell> cells() {
    List<Cell> cells = new ArrayList<>();
    for (long seed : seeds) {
      settings.forEach(
          (name, experiment) -> {
            for (Method m : methods) {
              cells.add(new Cell(name, experiment, m, seed));
            }
          });
    }
    return cells;
  }

  /**
   * Runs {@code cells} with {@code run}, side by side (as many at once as the thread budget allows)
   * or one after the other, and returns what each gave, in order. Each cell has one thread and one
   * lane either way, so the numbers do not depend on it. An interruption of the calling thread
   * stops the running cells at their next step; the cells not started give null, and the thread's
   * interrupt flag stays set.
   */
  public static <T> List<T> run(List<Cell> cells, Function<Cell, T> run, boolean sideBySide) {
    List<Callable<T>> jobs = new ArrayList<>();
    for (Cell c : cells) {
      jobs.add(() -> run.apply(c));
    }
    return Cells.run(jobs, startRanks(cells), sideBySide ? Cells.parallelism(jobs.size()) : 1);
  }

  /**
   * The order in which cells run side by side start, as costs for {@link Cells#run}: seed by seed,
   * so that a grid stopped early holds whole seeds and every run its single-task pair, and within a
   * seed the cells that train the auxiliary tasks first.
   */
  static double[] startRanks(List<Cell> cells) {
    List<Long> seeds = cells.stream().map(Cell::seed).distinct().toList();
    double step = Cells.cost(true) - Cells.cost(false) + 1;
    double[] rank = new double[cells.size()];
    for (int i = 0; i < rank.length; i++) {
      Cell c = cells.get(i);
      rank[i] = Cells.cost(c.method().role().needsAux()) - step * seeds.indexOf(c.seed());
    }
    return rank;
  }
}
