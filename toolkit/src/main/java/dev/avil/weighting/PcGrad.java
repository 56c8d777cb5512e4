package dev.avil.weighting;

import dev.avil.train.Combination;
import dev.avil.train.Strategy;
import dev.avil.train.Streams;
import dev.avil.train.TrainingRun;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Projecting conflicting gradients, PCGrad (Yu, Kumar, Gupta, Levine, Hausman &amp; Finn, "Gradient
 * Surgery for Multi-Task Learning", NeurIPS 2020), following LibMTL's {@code
 * LibMTL/weighting/PCGrad.py} and the authors' {@code PCGrad_tf.py} (tianheyu927/PCGrad): each step
 * takes a batch of every task, and every task's trunk gradient g_i, visiting the tasks j in a
 * random order, loses its component along g_j whenever the two conflict: if g_i·g_j &lt; 0 then g_i
 * ← g_i − (g_i·g_j / ‖g_j‖²)·g_j, with g_j as it was before any projection; the projected gradients
 * are summed, so that tasks which do not conflict train as in uniform multitask learning.
 *
 * <p>Where the code differs from the paper: the paper visits the other tasks only, while both codes
 * visit every task, the task itself among them (it changes a gradient only if earlier projections
 * have turned it against its own original). Where the two codes differ, this follows LibMTL: a new
 * random order for every task at every step (here from the run's stream {@link Streams#METHOD}, so
 * a seed gives the same orders), where the TensorFlow code's shuffle is never applied; and the
 * projection on the shared trunk only, each head learning from its own gradient at weight 1, where
 * the TensorFlow code projects the whole parameter vector. The CAGrad and Auto-λ repositories'
 * copies take the mean, not the sum: {@link Reduction#MEAN}.
 *
 * <p>The recorded weight of every task is 1: each task's loss enters at weight 1 and PCGrad changes
 * directions, not weights. The projected sum is Σ_k c_k·g_k, found from the gradients' inner
 * products alone, but c_k is no weight: it grows without bound as ‖g_k‖ shrinks, while c_k·g_k
 * stays bounded. A step whose inner products are not finite is skipped and counted ({@code
 * skipped_steps}); a zero gradient conflicts with nothing, so it needs no skip.
 */
public final class PcGrad implements Strategy {
  /** How the projected gradients are put together. */
  public enum Reduction {
    /** Their sum (the reference codes). */
    SUM,
    /** Their mean (the CAGrad and Auto-λ repositories). */
    MEAN
  }

  private final Reduction reduction;
  private SplittableRandom draws;

  /** PCGrad with {@code options}. */
  public PcGrad(Options options) {
    this.reduction = options.reduction();
  }

  /**
   * PCGrad's options.
   *
   * @param reduction the projected gradients summed (the default) or averaged
   */
  public record Options(Reduction reduction) implements MethodOptions {
    /** Checks the reduction. */
    public Options {
      MethodOptions.requireChoice("PCGrad reduction", reduction, Reduction.class);
    }

    /** The defaults. */
    public static Options defaults() {
      return new Options(Reduction.SUM);
    }

    /** With the projected gradients put together by {@code r}. */
    public Options reduction(Reduction r) {
      return new Options(r);
    }
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    if (draws == null) {
      draws = Streams.of(run.seed(), Streams.METHOD);
    }
    return GramSteps.train(
        run,
        false,
        (gram, losses) -> combine(gram, orders(gram.length, draws), reduction),
        Weights.ones(run.taskCount()));
  }

  /**
   * For each of {@code k} tasks, a random order of all {@code k} tasks: the tasks sorted by a
   * uniform random key each.
   */
  static int[][] orders(int k, SplittableRandom random) {
    int[][] orders = new int[k][];
    for (int i = 0; i < k; i++) {
      double[] key = random.doubles(k).toArray();
      orders[i] =
          IntStream.range(0, k)
              .boxed()
              .sorted(Comparator.comparingDouble(j -> key[j]))
              .mapToInt(Integer::intValue)
              .toArray();
    }
    return orders;
  }

  /**
   * The trunk coefficients of PCGrad's step, from the Gram matrix {@code gram} of the tasks'
   * gradients, task i visiting the tasks of {@code orders[i]} in turn; each head at 1.
   */
  static Combination combine(double[][] gram, int[][] orders, Reduction reduction) {
    int k = gram.length;
    double[] trunk = new double[k];
    for (int i = 0; i < k; i++) {
      double[] c = new double[k]; // g_i as projected so far, as coefficients of the g_m
      c[i] = 1;
      for (int j : orders[i]) {
        double dot = 0;
        for (int m = 0; m < k; m++) {
          dot += c[m] * gram[m][j];
        }
        if (dot < 0) { // g_j ≠ 0 here: a zero g_j has a zero inner product with everything
          c[j] -= dot / gram[j][j];
        }
      }
      for (int m = 0; m < k; m++) {
        trunk[m] += reduction == Reduction.MEAN ? c[m] / k : c[m];
      }
    }
    return new Combination(trunk, Weights.ones(k));
  }
}
