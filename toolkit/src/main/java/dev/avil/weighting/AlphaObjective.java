package dev.avil.weighting;

import dev.avil.train.LossGradient;
import dev.avil.train.ParamVector;
import dev.avil.train.TrainingRun;
import java.util.List;

/**
 * αVIL's inner objective: the target's tuning loss at θ + Σ_t α_t δ_t, as a function of α. Its
 * gradient uses the identity ∂L/∂α_t = ⟨∇_θ L(θ'), δ_t⟩ at θ' = θ + Σ α δ: one forward and one
 * backward pass on the tuning data, then one inner product per task.
 *
 * <pre>{@code
 * AlphaObjective f = new AlphaObjective(run, theta, deltas);
 * AlphaObjective.Value v = f.valueAndGradient(new double[] {1, 1, 1});
 * }</pre>
 */
public final class AlphaObjective {
  private final TrainingRun run;
  private final ParamVector theta;
  private final List<ParamVector> deltas;

  /** The objective around {@code theta} along {@code deltas} (one per task). */
  public AlphaObjective(TrainingRun run, ParamVector theta, List<ParamVector> deltas) {
    this.run = run;
    this.theta = theta;
    this.deltas = deltas;
  }

  /**
   * The loss and its gradient with respect to α.
   *
   * @param loss the target's tuning loss
   * @param gradient ∂loss/∂α_t per task
   */
  public record Value(double loss, double[] gradient) {}

  /** Moves the model to θ + Σ α δ. */
  public void moveTo(double[] alpha) {
    try (ParamVector p = theta.plusCombination(alpha, deltas)) {
      run.setParameters(p);
    }
  }

  /** The loss at α, and its gradient. Leaves the model at θ + Σ α δ. */
  public Value valueAndGradient(double[] alpha) {
    moveTo(alpha);
    LossGradient lg = run.tuneLossAndGradient();
    try (ParamVector g = lg.gradient()) {
      double[] grad = new double[deltas.size()];
      for (int t = 0; t < grad.length; t++) {
        grad[t] = g.dot(deltas.get(t));
      }
      return new Value(lg.loss(), grad);
    }
  }

  /** The loss at α only. Leaves the model at θ + Σ α δ. */
  public double value(double[] alpha) {
    moveTo(alpha);
    return run.tuneLoss();
  }
}
