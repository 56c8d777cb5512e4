package dev.avil.weighting;

import dev.avil.train.Combination;
import dev.avil.train.ParamVector;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Gradient cosine similarity (Du, Czarnecki, Jayakumar, Farajtabar, Pascanu &amp; Lakshminarayanan,
 * "Adapting Auxiliary Losses Using Gradient Similarity", 2018). Each step takes a batch of every
 * task; an auxiliary task's gradient on the shared trunk counts only as far as its cosine
 * similarity with the target's gradient is positive:
 *
 * <ul>
 *   <li>{@link Form#GATED}: the whole auxiliary gradient if cos &gt; 0, nothing otherwise (the
 *       paper's main variant);
 *   <li>{@link Form#WEIGHTED}: the auxiliary gradient scaled by max(0, cos).
 * </ul>
 *
 * <p>Auxiliary heads always learn from their own gradient (they cannot affect the target). The
 * recorded weight of an auxiliary task is its mean trunk coefficient over the epoch's steps. Our
 * choices where the paper leaves room: the cosine is taken over the shared trunk's parameters only;
 * an epoch trains on as many examples as the tasks have together, as every other method's epoch
 * does ({@link TrainingRun#trainJoint}).
 */
public final class Gcs implements Strategy {
  /** How the cosine gates an auxiliary gradient. */
  public enum Form {
    /** Count the auxiliary gradient fully when cos &gt; 0. */
    GATED,
    /** Scale the auxiliary gradient by max(0, cos). */
    WEIGHTED
  }

  private final Form form;

  /** GCS with {@code options}. */
  public Gcs(Options options) {
    this.form = options.form();
  }

  /**
   * GCS's options.
   *
   * @param form gated (the default) or weighted
   */
  public record Options(Form form) implements MethodOptions {
    /** Checks the form. */
    public Options {
      MethodOptions.requireChoice("GCS form", form, Form.class);
    }

    /** The defaults. */
    public static Options defaults() {
      return new Options(Form.GATED);
    }

    /** In form {@code f}. */
    public Options form(Form f) {
      return new Options(f);
    }
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    int k = run.taskCount();
    double[] sum = new double[k];
    int[] steps = {0};
    run.trainJoint(
        run.allTasks(),
        (ts, grads, losses) -> {
          double[] c = coefficients(grads, form);
          for (int i = 0; i < c.length; i++) {
            sum[i] += c[i];
          }
          steps[0]++;
          return new Combination(c, Weights.ones(c.length));
        });
    int n = Math.max(1, steps[0]);
    return EpochWeights.of(IntStream.range(0, k).mapToDouble(t -> sum[t] / n).toArray());
  }

  /**
   * The trunk coefficient of each task from its gradient on the trunk: 1 for the target, the gated
   * cosine for the others.
   */
  static double[] coefficients(List<ParamVector> grads, Form form) {
    double[] c = new double[grads.size()];
    c[0] = 1;
    ParamVector target = grads.get(0);
    double targetNorm = Math.sqrt(target.dot(target));
    for (int i = 1; i < c.length; i++) {
      ParamVector g = grads.get(i);
      double norm = Math.sqrt(g.dot(g));
      double cos = targetNorm == 0 || norm == 0 ? 0 : target.dot(g) / (targetNorm * norm);
      c[i] = gate(cos, form);
    }
    return c;
  }

  /** The coefficient for a cosine similarity {@code cos}. */
  static double gate(double cos, Form form) {
    return form == Form.GATED ? (cos > 0 ? 1 : 0) : Math.max(0, cos);
  }
}
