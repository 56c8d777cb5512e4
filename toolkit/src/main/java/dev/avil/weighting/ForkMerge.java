package dev.avil.weighting;

import dev.avil.train.ParamVector;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * ForkMerge (Jiang, Chen, Long, Wang et al., "ForkMerge: Mitigating Negative Transfer in
 * Auxiliary-Task Learning", NeurIPS 2023). Each epoch the model forks into branches that train from
 * the same parameters θ with different task weightings: one on the target alone, and one per
 * auxiliary task on the target plus that task. The branches are merged as θ + Σ_b λ_b·(θ_b − θ)
 * with λ on the simplex, chosen by a grid search to minimise the target's loss on the tuning part
 * of its dev split.
 *
 * <p>The recorded weight of an auxiliary task is the λ of its branch (the target's is 1). Our
 * choices where the paper leaves room: the fork-and-merge stretch is one epoch; the grid step is
 * 0.1 with two branches and 0.25 with more (15 merges for three branches: each costs a forward pass
 * over the tuning data); one branch per auxiliary task (the paper's multi-branch form), so that
 * each task's influence is visible. The branches draw their batch order from a random stream of
 * their own ({@code Streams.BRANCHES}).
 */
public final class ForkMerge implements Strategy {
  private final double gridStep;

  /** ForkMerge with {@code options}. */
  public ForkMerge(Options options) {
    this.gridStep = options.gridStep();
  }

  /**
   * ForkMerge's options.
   *
   * @param gridStep step of the merge-weight grid, in (0, 0.5]; NaN (the default) for 0.1 with two
   *     branches, 0.25 with more
   */
  public record Options(double gridStep) implements MethodOptions {
    /** Checks the step. */
    public Options {
      MethodOptions.require(
          Double.isNaN(gridStep) || (gridStep > 0 && gridStep <= 0.5),
          "ForkMerge grid step",
          gridStep,
          "in (0, 0.5]");
      if (!Double.isNaN(gridStep)
          && Math.abs(1 / gridStep - Math.round(1 / gridStep)) > 1e-9 * Math.round(1 / gridStep)) {
        throw new IllegalArgumentException(
            "ForkMerge grid step "
                + gridStep
                + " does not divide 1 (1/"
                + gridStep
                + " = "
                + String.format(java.util.Locale.ROOT, "%.3f", 1 / gridStep)
                + "); accepted: 1/n for a whole n ≥ 2, such as 0.5, 0.25, 0.2, 0.1 or 0.05");
      }
    }

    /** The defaults. */
    public static Options defaults() {
      return new Options(Double.NaN);
    }

    /** With grid step {@code step}. */
    public Options gridStep(double step) {
      return new Options(step);
    }
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    int k = run.taskCount();
    List<ParamVector> deltas = new ArrayList<>();
    try (ParamVector theta = run.parameters()) {
      for (int b = 0; b < k; b++) {
        deltas.add(run.branchFrom(theta, Weights.only(k, 0, b)));
      }
      double step = Double.isNaN(gridStep) ? (k >= 3 ? 0.25 : 0.1) : gridStep;
      double[] lambda =
          bestMerge(
              k,
              step,
              l -> {
                try (ParamVector p = theta.plusCombination(l, deltas)) {
                  run.setParameters(p);
                  return run.tuneLoss();
                }
              });
      try (ParamVector merged = theta.plusCombination(lambda, deltas)) {
        run.setParameters(merged);
      }
      double[] weights = lambda.clone();
      weights[0] = 1;
      return EpochWeights.of(weights);
    } finally {
      deltas.forEach(ParamVector::close);
    }
  }

  /**
   * The point of the simplex grid (coordinates multiples of {@code step}, summing to 1) with the
   * lowest {@code loss}; the first found on ties. Non-finite losses never win.
   */
  static double[] bestMerge(int branches, double step, ToDoubleFunction<double[]> loss) {
    int units = (int) Math.round(1 / step);
    double[] best = null;
    double bestLoss = Double.POSITIVE_INFINITY;
    int[] c = new int[branches];
    while (true) {
      int used = 0;
      for (int i = 0; i < branches - 1; i++) {
        used += c[i];
      }
      if (used <= units) {
        c[branches - 1] = units - used;
        double[] l = new double[branches];
        for (int i = 0; i < branches; i++) {
          l[i] = (double) c[i] / units;
        }
        double v = loss.applyAsDouble(l);
        if (v < bestLoss) {
          bestLoss = v;
          best = l;
        }
      }
      int i = 0;
      while (i < branches - 1 && ++c[i] > units) {
        c[i] = 0;
        i++;
      }
      if (i == branches - 1) {
        break;
      }
    }
    if (best == null) {
      throw new IllegalStateException(
          "ForkMerge: the target's dev loss was not finite for any merge");
    }
    return best;
  }
}
