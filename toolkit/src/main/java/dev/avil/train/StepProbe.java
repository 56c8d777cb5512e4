package dev.avil.train;

/**
 * What a {@link ProbingCombiner} may look at during a joint step before it chooses: the model away
 * from where it stands. Every vector it returns is the caller's to close. It may leave the
 * network's parameters anywhere; the step puts them back before it moves.
 */
public interface StepProbe {
  /** All parameters where the step stands, θ, in parameter-vector order. */
  ParamVector parameters();

  /**
   * The change the pass's SGD would make to all parameters if task i's loss counted at weight
   * {@code weights[i]} (i over the step's tasks): −(μ·v + η·Σ_i w_i·∇L_i), v the pass's momentum, μ
   * its factor and η the learning rate; each head moves by its own task's gradient alone.
   */
  ParamVector sgdStep(double[] weights);

  /**
   * Each task's mean loss on its batch of this step at the parameters {@code at}, in evaluation
   * mode (no dropout, no batch statistics updated), in the order of the step's tasks.
   */
  double[] losses(ParamVector at);

  /**
   * The gradient, over all parameters, of the target's mean loss on a further batch at the
   * parameters {@code at}: the next batch of its training data in an order of its own, reshuffled
   * when used up, or with {@code fromTuning} a batch drawn from the tuning part of its dev split.
   */
  ParamVector targetGradient(ParamVector at, boolean fromTuning);

  /** A copy of the step's gradient of task i on its own head. */
  ParamVector headGradient(int i);

  /**
   * The gradient on the trunk of the target's mean loss on one batch of the tuning part of its dev
   * split, read through a fresh head fitted on the batch before it with the trunk held still, as
   * {@code fit} says: META-TARTAN's dev head. Its batches take the tuning part in turn, in an order
   * of its own, reshuffled when used up.
   */
  ParamVector devHeadGradient(DevHeadFit fit);
}
