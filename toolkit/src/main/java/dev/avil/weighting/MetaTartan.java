package dev.avil.weighting;

import dev.avil.train.Combination;
import dev.avil.train.DevHeadFit;
import dev.avil.train.ParamVector;
import dev.avil.train.ProbingCombiner;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;

/**
 * META-TARTAN (Dery, Michel, Talwalkar &amp; Neubig, "Should We Be Pre-training? An Argument for
 * End-task Aware Training as an Alternative", ICLR 2022), following the authors' {@code
 * simple_vision_tartan/tartan_plugin.py}, {@code model.py} and {@code run_tartan.py}
 * (ldery/TARTAN). The tasks' weights are a softmax of logits ω, the target's included, starting
 * equal. Each joint step, with a batch of every task:
 *
 * <ol>
 *   <li>each task's gradient g_k (on the trunk and its own head), as the engine takes them;
 *   <li>a fresh target head, the dev head, fitted by AdamW on one batch of the target's dev data
 *       with the trunk held still, and g_dev, the trunk gradient of the target's loss on the next
 *       dev batch read through it;
 *   <li>the model steps with the weights before the update, then ω_k ← ω_k + β·cos(g_k, g_dev), the
 *       cosine as the code takes it: the inner product on the trunk over ‖g_k‖ on the trunk and the
 *       task's head together, times ‖g_dev‖, plus 1e-8.
 * </ol>
 *
 * <p>Defaults as the vision code: β = 5e-2 (the text code has 1e-2), a dev head fitted by 10 AdamW
 * steps at 3e-2 with weight decay 0.1, on dev batches of 16. The dev data is the tuning part of the
 * target's dev split, the data αVIL chooses its weights on.
 *
 * <p>Where this differs from the code. The code trains the model with Adam, which a constant factor
 * on the loss does not change; under the run's SGD the softmax is multiplied by the number of tasks
 * K, so that equal logits take uniform multitask learning's step ({@code scale=1} gives the bare
 * softmax). The fresh head is initialised as the network initialises its heads, where the code
 * re-initialises it Kaiming-uniform with zero biases. The recorded weight of a task is its weight
 * at the end of the epoch.
 */
public final class MetaTartan implements Strategy {
  private static final double EPSILON = 1e-8;

  private final Options options;
  private double[] logits;

  /** META-TARTAN with {@code options}. */
  public MetaTartan(Options options) {
    this.options = options;
  }

  /**
   * META-TARTAN's options.
   *
   * @param learningRate β, the step on the logits, &gt; 0; default 5e-2
   * @param scale the sum of the weights, &gt; 0, or NaN (the default) for the number of tasks
   * @param headSteps AdamW steps that fit the dev head, ≥ 1; default 10
   * @param headLearningRate their step size, &gt; 0; default 3e-2
   * @param headWeightDecay their decoupled weight decay, ≥ 0; default 0.1
   * @param headBatch examples in a dev batch, ≥ 1; default 16 (at most the run's batch and half the
   *     tuning data)
   */
  public record Options(
      double learningRate,
      double scale,
      int headSteps,
      double headLearningRate,
      double headWeightDecay,
      int headBatch)
      implements MethodOptions {
    /** Checks the options. */
    public Options {
      MethodOptions.requirePositive("META-TARTAN learning rate", learningRate);
      MethodOptions.require(
          Double.isNaN(scale) || (scale > 0 && Double.isFinite(scale)),
          "META-TARTAN scale",
          scale,
          "a finite number > 0, or auto for the number of tasks");
      fit(headSteps, headLearningRate, headWeightDecay, headBatch);
    }

    /** The defaults. */
    public static Options defaults() {
      return new Options(5e-2, Double.NaN, 10, 3e-2, 0.1, 16);
    }

    /** With β = {@code v}. */
    public Options learningRate(double v) {
      return Records.with(this, "learningRate", v);
    }

    /** With the weights summing to {@code v} (NaN: the number of tasks). */
    public Options scale(double v) {
      return Records.with(this, "scale", v);
    }

    /** With the dev head fitted in {@code v} steps. */
    public Options headSteps(int v) {
      return Records.with(this, "headSteps", v);
    }

    /** With the dev head's step size {@code v}. */
    public Options headLearningRate(double v) {
      return Records.with(this, "headLearningRate", v);
    }

    /** With the dev head's weight decay {@code v}. */
    public Options headWeightDecay(double v) {
      return Records.with(this, "headWeightDecay", v);
    }

    /** With dev batches of {@code v} examples. */
    public Options headBatch(int v) {
      return Records.with(this, "headBatch", v);
    }

    private static DevHeadFit fit(int steps, double lr, double weightDecay, int batch) {
      try {
        return new DevHeadFit(steps, lr, weightDecay, batch);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("META-TARTAN head options: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    int k = run.taskCount();
    if (logits == null) {
      logits = new double[k];
    }
    double scale = Double.isNaN(options.scale()) ? k : options.scale();
    DevHeadFit fit =
        Options.fit(
            options.headSteps(),
            options.headLearningRate(),
            options.headWeightDecay(),
            options.headBatch());
    int[] skipped = {0};
    run.trainJoint(
        run.allTasks(),
        (ProbingCombiner)
            (tasks, gradients, losses, probe) -> {
              double[] w = Weights.softmax(logits, scale);
              double[] cosine = new double[k];
              try (ParamVector dev = probe.devHeadGradient(fit)) {
                double devNorm = dev.norm();
                for (int i = 0; i < k; i++) {
                  double onHead;
                  try (ParamVector h = probe.headGradient(i)) {
                    onHead = h.dot(h);
                  }
                  ParamVector g = gradients.get(i);
                  cosine[i] = cosine(g.dot(dev), g.dot(g) + onHead, devNorm);
                }
              }
              if (isFinite(cosine)) {
                step(logits, cosine, options.learningRate());
              } else {
                skipped[0]++;
              }
              return new Combination(w, w);
            });
    // every joint step is taken; a skipped step of the logits is counted as an α step skipped
    return new EpochWeights(
        Weights.softmax(logits, scale), null, skipped[0], java.util.OptionalInt.of(0));
  }

  /** The code's cosine: {@code inner / (√squaredNorm · otherNorm + 1e-8)}. */
  static double cosine(double inner, double squaredNorm, double otherNorm) {
    return inner / (Math.sqrt(squaredNorm) * otherNorm + EPSILON);
  }

  /** ω_k ← ω_k + β·cos_k, in place. */
  static void step(double[] logits, double[] cosine, double beta) {
    for (int i = 0; i < logits.length; i++) {
      logits[i] += beta * cosine[i];
    }
  }

  private static boolean isFinite(double[] xs) {
    for (double x : xs) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }
}
