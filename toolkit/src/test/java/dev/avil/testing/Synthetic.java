package dev.avil.testing;

import static dev.avil.task.Share.dev;
import static dev.avil.task.Share.test;

import dev.avil.task.Task;
import java.util.SplittableRandom;

/** Small synthetic tasks with a known answer, shared by the tests. */
public final class Synthetic {
  private Synthetic() {}

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
