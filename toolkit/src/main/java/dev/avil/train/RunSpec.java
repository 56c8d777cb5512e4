package dev.avil.train;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.avil.model.Trunk;
import dev.avil.results.Patience;
import dev.avil.task.Task;
import java.util.List;

/**
 * Everything one training run needs, resolved. The target is task 0.
 *
 * @param method the method's name, recorded in every record
 * @param tasks the target first, then the auxiliary tasks
 * @param trunk the shared trunk
 * @param headHidden hidden units of each task head
 * @param epochs the maximum number of epochs, ≥ 1
 * @param patience early stopping: the run stops once this many epochs have passed without a better
 *     target accuracy on the selection part of its dev split; 0 trains all {@code epochs}
 * @param patienceGrowth the patience grows to this multiple of the best epoch where that is more
 *     ({@link Patience#wait}); 0 keeps it fixed
 * @param chanceMargin early stopping waits until the target has left chance: until its best
 *     selection accuracy exceeds the share of its most frequent class there by this margin; 0
 *     counts from the first epoch
 * @param batchSize examples per batch, ≥ 1
 * @param learningRate the learning rate of the model
 * @param optimizer the optimiser of the model, SGD with momentum or AdamW
 * @param devSplit fraction of the target's dev split used for tuning (by target-aware methods); the
 *     rest selects the model
 * @param seed the run's seed
 * @param dtype parameter and data type; FLOAT32 except in numerical tests
 */
public record RunSpec(
    String method,
    List<Task> tasks,
    Trunk trunk,
    int headHidden,
    int epochs,
    int patience,
    double patienceGrowth,
    double chanceMargin,
    int batchSize,
    double learningRate,
    Optimizer optimizer,
    double devSplit,
    long seed,
    DataType dtype) {
  /** Copies the task list. */
  public RunSpec {
    tasks = List.copyOf(tasks);
  }

  /** The shape of {@code n} inputs: every task's inputs have the target's shape. */
  Shape inputs(long n) {
    long[] one = tasks.get(0).inputShape();
    long[] dims = new long[one.length + 1];
    dims[0] = n;
    System.arraycopy(one, 0, dims, 1, one.length);
    return new Shape(dims);
  }
}
