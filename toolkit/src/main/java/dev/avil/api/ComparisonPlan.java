package dev.avil.api;

import dev.avil.train.Cells;
import dev.avil.train.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several methods over several seeds. Immutable.
 *
 * <pre>{@code
 * experiment.compare(Method.singleTask(), Method.alphaVil()).seeds(1, 2, 3).run();
 * }</pre>
 */
public final class ComparisonPlan {
  private final Experiment experiment;
  private final List<Method> methods;
  private final long[] seeds;
  private final boolean sideBySide;

  ComparisonPlan(Experiment experiment, List<Method> methods, long[] seeds, boolean sideBySide) {
    this.experiment = experiment;
    this.methods = methods;
    this.seeds = seeds;
    this.sideBySide = sideBySide;
  }

  /** The experiment every run of the plan starts from. */
  public Experiment experiment() {
    return experiment;
  }

  /** The methods, in the order given. */
  public List<Method> methods() {
    return methods;
  }

  /** The seeds, in the order given. */
  public long[] seeds() {
    return seeds.clone();
  }

  /** The seeds to run, each with every method. Default: the experiment's seed. */
  public ComparisonPlan seeds(long... s) {
    if (s.length == 0) {
      throw new IllegalArgumentException("seeds needs at least one seed, got none");
    }
    Set<Long> seen = new HashSet<>();
    for (long x : s) {
      if (!seen.add(x)) {
        throw new IllegalArgumentException("seed " + x + " appears twice in " + Arrays.toString(s));
      }
    }
    return new ComparisonPlan(experiment, methods, s.clone(), sideBySide);
  }

  /**
   * Whether runs go side by side, as many at once as PyTorch threads ({@link Cells}), or one after
   * the other. Either way each run has one thread, so the numbers are the same. Default: side by
   * side.
   */
  public ComparisonPlan sideBySide(boolean on) {
    return new ComparisonPlan(experiment, methods, seeds, on);
  }

  /**
   * Runs every method with every seed, side by side unless told otherwise, each run on one lane
   * (where a single {@link Experiment#run()} uses all of them, which changes the last bits). A run
   * that fails is recorded in {@link Comparison#failures()} and the others go on.
   *
   * <p>An interruption of the calling thread (a notebook's interrupt button, {@link
   * Thread#interrupt()}) stops the runs in progress at their next step, and this method
   * <em>returns</em> the comparison of the runs that finished: the interrupted runs' finished
   * epochs are in {@link Comparison#partialRuns()}, and {@link Comparison#failures()} lists them
   * and every run that did not start. {@link Comparison#interrupted()} is then true, and the
   * thread's interrupt flag stays set, as for any method that stops on an interrupt.
   */
  public Comparison run() {
    experiment.checkAux(methods);
    TrainingListener l = experiment.listenerFor(methods.size() * seeds.length);
    List<Grid.Cell> cells = new Grid(Map.of("", experiment), methods, seeds).cells();
    List<Cell> outcomes =
        Grid.run(
            cells,
            c -> {
              try {
                return new Cell(c.run(l), null, null);
              } catch (TrainingFailedException e) {
                return new Cell(null, e.partialResults(), e.getMessage());
              } catch (RuntimeException e) {
                return new Cell(null, null, e.toString());
              }
            },
            sideBySide);
    List<Results> done = new ArrayList<>();
    List<Results> partial = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    boolean interrupted = Thread.currentThread().isInterrupted();
    for (int i = 0; i < cells.size(); i++) {
      Grid.Cell g = cells.get(i);
      Cell c = outcomes.get(i);
      if (c == null) {
        interrupted = true;
        failures.add(g + ": not run (interrupted)");
      } else if (c.done() != null) {
        done.add(c.done());
      } else {
        if (c.partial() != null) {
          partial.add(c.partial());
        }
        failures.add(g + ": " + c.why());
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    List<String> names = methods.stream().map(Method::name).toList();
    String baseline =
        Comparison.baselineOf(
            names,
            n ->
                methods.stream()
                    .anyMatch(m -> m.name().equals(n) && m.role() == MethodRole.SINGLE_TASK));
    return new Comparison(names, baseline, done, partial, failures, interrupted);
  }

  /** What one (method, seed) run gave: finished results, or what it finished and why it failed. */
  private record Cell(Results done, Results partial, String why) {}
}
