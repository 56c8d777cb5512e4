package dev.avil.weighting;

import dev.avil.train.Combination;
import dev.avil.train.ParamVector;
import dev.avil.train.StepCombiner;
import dev.avil.train.Strategy.EpochWeights;
import dev.avil.train.TrainingRun;
import java.util.List;

/**
 * The epoch of a method that combines each joint step's per-task gradients by a rule of their inner
 * products alone (PCGrad, MGDA, CAGrad): each step's Gram matrix goes to the rule, a step whose
 * Gram matrix is not finite or that the rule finds degenerate is skipped and counted, and each
 * task's recorded weight is its trunk coefficient averaged over the steps taken.
 */
final class GramSteps {
  private GramSteps() {}

  /** A rule of one step. */
  interface Rule {
    /**
     * The step's coefficients from the Gram matrix of the tasks' gradients (finite) and their batch
     * losses, or null to skip the step.
     */
    Combination combine(double[][] gram, double[] losses);
  }

  /**
   * One epoch of joint steps over every task, combined by {@code rule} from the gradients on the
   * trunk, or with {@code atFeatures} from the gradients at the trunk's output; the recorded
   * weights are {@code weights}, or where it is null each task's trunk coefficient averaged over
   * the steps taken.
   */
  static EpochWeights train(TrainingRun run, boolean atFeatures, Rule rule, double[] weights) {
    int k = run.taskCount();
    double[] sum = new double[k];
    int[] taken = {0};
    int[] skipped = {0};
    StepCombiner combiner =
        (tasks, grads, losses) -> {
          Combination c = step(grads, losses, rule);
          if (c == null) {
            skipped[0]++;
            return null;
          }
          for (int i = 0; i < k; i++) {
            sum[i] += c.trunk()[i];
          }
          taken[0]++;
          return c;
        };
    if (atFeatures) {
      run.trainJointAtFeatures(run.allTasks(), combiner);
    } else {
      run.trainJoint(run.allTasks(), combiner);
    }
    double[] mean = new double[k];
    for (int i = 0; i < k; i++) {
      mean[i] = sum[i] / Math.max(1, taken[0]);
    }
    return EpochWeights.withSkippedSteps(weights == null ? mean : weights, skipped[0]);
  }

  /**
   * One step of {@code rule} on the tasks' gradients {@code grads} and batch losses: its
   * coefficients, or null if the step is skipped.
   */
  static Combination step(List<ParamVector> grads, double[] losses, Rule rule) {
    double[][] a = gram(grads);
    for (double[] row : a) {
      for (double x : row) {
        if (!Double.isFinite(x)) {
          return null;
        }
      }
    }
    return rule.combine(a, losses);
  }

  /** The inner products of every pair of {@code grads}, in double precision. */
  static double[][] gram(List<ParamVector> grads) {
    int k = grads.size();
    double[][] a = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        a[i][j] = grads.get(i).dot(grads.get(j));
        a[j][i] = a[i][j];
      }
    }
    return a;
  }

  /** {@code a·x}. */
  static double[] times(double[][] a, double[] x) {
    double[] y = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < x.length; j++) {
        y[i] += a[i][j] * x[j];
      }
    }
    return y;
  }

  /** {@code xᵀ·a·y}. */
  static double form(double[] x, double[][] a, double[] y) {
    double s = 0;
    double[] ay = times(a, y);
    for (int i = 0; i < x.length; i++) {
      s += x[i] * ay[i];
    }
    return s;
  }

  /**
   * The Euclidean projection of {@code y} onto the simplex {w ≥ 0, Σw = 1}: y less the threshold
   * that the largest entries set, clamped at 0.
   */
  static double[] projectToSimplex(double[] y) {
    int m = y.length;
    double[] sorted = y.clone();
    java.util.Arrays.sort(sorted);
    double sum = 0;
    for (double v : y) {
      sum += v;
    }
    double threshold = (sum - 1) / m;
    double partial = 0;
    for (int i = 0; i < m - 1; i++) {
      partial += sorted[m - 1 - i];
      double t = (partial - 1) / (i + 1);
      if (t > sorted[m - 2 - i]) {
        threshold = t;
        break;
      }
    }
    double[] out = new double[m];
    for (int i = 0; i < m; i++) {
      out[i] = Math.max(y[i] - threshold, 0);
    }
    return out;
  }
}
