package dev.avil.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;

/**
 * The optimiser of one pass over the model's parameters, opened fresh for each pass ({@link
 * Optimizer#open}); its state lives until {@link #close()}.
 */
interface ModelOptimizer extends AutoCloseable {
  /** Updates {@code params} from their gradients, then zeroes the gradients. */
  void step(List<Parameter> params);

  /** The learning rate as the update applies it. */
  double learningRate();

  /**
   * The heavy-ball factor μ of an SGD step taken from this optimiser's state, −(μ·v + η·g): SGD's
   * momentum, and 0 for an optimiser without a velocity (Auto-λ's virtual step is then plain SGD).
   */
  double momentum();

  /** The velocity v of each of {@code params} (zero where there is none), as one vector. */
  ParamVector velocity(List<Parameter> params, NDManager manager);

  @Override
  void close();
}
