package dev.avil.train;

/**
 * How a fresh target head is fitted on a batch of the target's tuning data with the trunk held
 * still ({@link StepProbe#devHeadGradient}): {@code steps} AdamW steps (β 0.9 and 0.999, ε 1e-8) at
 * {@code learningRate} with decoupled {@code weightDecay}, on batches of {@code batch} examples.
 */
public record DevHeadFit(int steps, double learningRate, double weightDecay, int batch) {
  /** Checks the values. */
  public DevHeadFit {
    if (steps < 1 || batch < 1 || !(learningRate > 0) || !(weightDecay >= 0)) {
      throw new IllegalArgumentException(
          "a dev-head fit needs steps ≥ 1, a learning rate > 0, a weight decay ≥ 0 and a batch ≥"
              + " 1; got steps "
              + steps
              + ", learning rate "
              + learningRate
              + ", weight decay "
              + weightDecay
              + ", batch "
              + batch);
    }
  }
}
