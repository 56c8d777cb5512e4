package dev.avil.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.avil.runtime.DjlRuntime;
import org.junit.jupiter.api.Test;

/**
 * Regression test for DJL's freed-scalar bug (DESIGN §4): {@code NDArray.mul(Number)} inside a
 * gradient collector wraps the number in a buffer that may be freed before {@code backward()} reads
 * it. The toolkit weights losses with torch-owned scalars ({@link Losses#scalar}); their gradients,
 * taken the toolkit's way ({@link Autograd}), must be exact even when the garbage collector runs
 * between forward and backward.
 */
class DjlScalarRegressionTest {
  /** Iterations: with a Java number in the product, 181 of 200 gave a wrong gradient. */
  private static final int ITERATIONS = 40;

  @Test
  void weightedCrossEntropyGradientIsExactlyTheWeightTimesTheUnweightedOneUnderGcPressure() {
    try (NDManager m = DjlRuntime.newManager()) {
      NDArray w = m.randomNormal(new Shape(6, 4)).toType(DataType.FLOAT32, false);
      w.setRequiresGradient(true);
      NDArray x = m.randomNormal(new Shape(16, 6));
      NDArray y = m.create(new long[] {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3});
      float[] reference;
      try (Autograd ag = new Autograd("scalar regression")) {
        ag.backward(Losses.crossEntropy(x.matMul(w), y));
      }
      reference = w.getGradient().toFloatArray();
      int bad = 0;
      for (int it = 0; it < ITERATIONS; it++) {
        double weight = 0.25 + (it % 7) * 0.5;
        try (NDManager step = m.newSubManager()) {
          NDArray scale = Losses.scalar(step, weight, DataType.FLOAT32);
          try (Autograd ag = new Autograd("scalar regression")) {
            NDArray loss = Losses.crossEntropy(x.matMul(w), y).mul(scale);
            for (int g = 0; g < 2; g++) {
              byte[][] garbage = new byte[64][];
              for (int k = 0; k < garbage.length; k++) {
                garbage[k] = new byte[16 * 1024];
              }
              System.gc();
            }
            ai.djl.pytorch.jni.JniUtils.zeroGrad((ai.djl.pytorch.engine.PtNDArray) w);
            ag.backward(loss);
          }
          float[] got = w.getGradient().toFloatArray();
          for (int i = 0; i < got.length; i++) {
            if (Math.abs(got[i] - weight * reference[i])
                > 1e-5 * (1 + Math.abs(weight * reference[i]))) {
              bad++;
              break;
            }
          }
        }
      }
      assertThat(bad).as("iterations with a wrong gradient out of %d", ITERATIONS).isZero();
    }
  }
}
