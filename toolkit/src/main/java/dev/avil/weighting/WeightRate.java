package dev.avil.weighting;

import dev.avil.train.TrainingRun;

/**
 * The options of a method whose one option is the step size at which its task weights learn
 * (uncertainty weighting, ARML).
 *
 * @param learningRate the weights' step size, &gt; 0, or NaN (the default) for the model's learning
 *     rate
 */
public record WeightRate(double learningRate) implements MethodOptions {
  /** Checks the learning rate. */
  public WeightRate {
    MethodOptions.require(
        Double.isNaN(learningRate) || (learningRate > 0 && Double.isFinite(learningRate)),
        "weights' learning rate",
        learningRate,
        "a finite number > 0 (or NaN for the model's)");
  }

  /** The model's learning rate. */
  public static WeightRate defaults() {
    return new WeightRate(Double.NaN);
  }

  /** With the weights learning at {@code lr}. */
  public WeightRate learningRate(double lr) {
    return new WeightRate(lr);
  }

  /** The step size in {@code run}: this one, or the model's. */
  double in(TrainingRun run) {
    return Double.isNaN(learningRate) ? run.learningRate() : learningRate;
  }
}
