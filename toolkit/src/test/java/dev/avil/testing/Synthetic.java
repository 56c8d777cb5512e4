package dev.avil.testing;

import static dev.avil.task.Share.dev;
import static dev.avil.task.Share.test;

import ai.djl.ndarray.types.DataType;
import dev.avil.api.Experiment;
import dev.avil.model.Trunks;
import dev.avil.task.Task;
import dev.avil.task.Tasks;
import dev.avil.train.RunSpec;
import dev.avil.train.TrainingListener;
import java.util.List;
import java.util.SplittableRandom;

/** Small synthetic tasks with a known answer, shared by the tests. */
public final class Synthetic {
  private Synthetic() {}

  /**
   * The known-answer experiment of DESIGN §5: a target of {@code trainSize} examples of {@code
   * full}, an auxiliary copy of {@code full} (same inputs, so evaluation shares them) and random
   * labels on it; a 16-unit MLP trunk with 8-unit heads, batches of 16 at learning rate 0.05,
   * silent.
   */
  public static Experiment copyAndNoise(Task full, int trainSize) {
    return Experiment.target(full.trainSize(trainSize))
        .aux(full.named("copy"), Tasks.randomLabels("noise", full, 5))
        .trunk(Trunks.mlp(16))
        .headHidden(8)
        .batchSize(16)
        .learningRate(0.05)
        .listener(TrainingListener.silent());
  }

  /**
   * The engine tests' run: one epoch of {@code tasks} on a 12-unit MLP trunk with 8-unit heads, SGD
   * at 0.1 with momentum 0.9, half of the target's dev split for tuning, no early stopping.
   */
  public static RunSpec oneEpoch(
      String method, List<Task> tasks, int batchSize, long seed, DataType dtype) {
    return new RunSpec(
        method,
        tasks,
        Trunks.mlp(12),
        8,
        1,
        0,
        0,
        0,
        batchSize,
        0.1,
        dev.avil.train.Optimizer.sgd(),
        0.5,
        seed,
        dtype);
  }

  /**
   * A linearly separable {@code classes}-class problem in {@code dim} dimensions: Gaussian blobs
   * around random centres, fixed by {@code seed}.
   */
  public static Task blobs(String name, int n, int dim, int classes, double spread, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] centres = new double[classes][dim];
    for (double[] c : centres) {
      for (int j = 0; j < dim; j++) {
        c[j] = r.nextDouble() * 4 - 2;
      }
    }
    float[][] x = new float[n][dim];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextInt(classes);
      for (int j = 0; j < dim; j++) {
        x[i][j] = (float) (centres[y[i]][j] + spread * gaussian(r));
      }
    }
    return Task.builder(name)
        .classes(classes)
        .examples(x, y)
        .split(dev(0.2), test(0.2))
        .splitSeed(seed)
        .build();
  }

  private static double gaussian(SplittableRandom r) {
    double u = Math.max(1e-12, r.nextDouble());
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
