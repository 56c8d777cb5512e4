package dev.avil.model;

import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import dev.avil.runtime.DjlRuntime;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link MaxPool} computes what DJL's max-pool block computes, with gradients recorded (where it is
 * PyTorch's max-pool kernel) and without (where it is a maximum of strided slices), in the default
 * layout and channels last: the same outputs as numbers, also where a window holds its maximum more
 * than once, and the same gradient with respect to the input. Sides that the window does not divide
 * drop their last rows and columns, as PyTorch does.
 */
class MaxPoolTest {
  @ParameterizedTest
  @CsvSource({"2, false", "3, false", "2, true", "3, true"})
  void withAndWithoutGradientsItPoolsAsDjlsMaxPoolDoes(int size, boolean channelsLast) {
    try (NDManager m = DjlRuntime.newManager()) {
      boolean before = JniUtils.isGradMode();
      try {
        // whole numbers: many windows hold their maximum more than once, as the flat background of
        // an image does after a convolution
        NDArray dense =
            m.randomNormal(new Shape(3, 4, 9, 8)).mul(2).round().toType(DataType.FLOAT32, false);
        NDArray x = channelsLast ? ChannelsLast.of(dense) : dense;
        Block djl = Pool.maxPool2dBlock(new Shape(size, size));
        Block ours = new MaxPool(size);
        ParameterStore ps = new ParameterStore(m, false);

        JniUtils.setGradMode(false);
        NDArray expected = djl.forward(ps, new NDList(x), false).singletonOrThrow();
        NDArray got = ours.forward(ps, new NDList(x), false).singletonOrThrow();
        assertThat(got.getShape()).isEqualTo(new Shape(3, 4, 9 / size, 8 / size));
        assertThat(got.getShape()).isEqualTo(ours.getOutputShapes(new Shape[] {x.getShape()})[0]);
        // equal as numbers: where a window holds both 0 and −0, PyTorch keeps the first and the
        // elementwise maximum may give the other
        assertThat(got.toFloatArray())
            .usingElementComparator((a, b) -> a.floatValue() == b.floatValue() ? 0 : 1)
            .containsExactly(expected.toFloatArray());

        NDArray weights = m.randomNormal(expected.getShape()).toType(DataType.FLOAT32, false);
        float[] ourGradient = inputGradient(ours, ps, x, weights);
        assertThat(ourGradient).containsExactly(inputGradient(djl, ps, x, weights));
        assertThat(ourGradient)
            .as("the gradient reaches the input")
            .contains(weights.toFloatArray()[0]);

      } finally {
        JniUtils.setGradMode(before);
      }
    }
  }

  @Test
  void aWindowBelowOneIsRefused() {
    assertRefused(() -> new MaxPool(0), "max-pool size 0");
  }

  /** d(Σ weights·pool(x))/dx for a pooling block, with gradients recorded. */
  private static float[] inputGradient(Block pool, ParameterStore ps, NDArray x, NDArray weights) {
    return inputGradient(in -> pool.forward(ps, new NDList(in), true).get(0), x, weights);
  }

  /** d(Σ weights·pool(x))/dx, with gradients recorded. */
  private static float[] inputGradient(
      Function<NDArray, NDArray> pool, NDArray x, NDArray weights) {
    NDArray input = x.duplicate();
    input.setRequiresGradient(true);
    JniUtils.setGradMode(true);
    try {
      NDArray loss = pool.apply(input).mul(weights).sum();
      try (NDArray seed = loss.onesLike()) {
        JniUtils.backward((PtNDArray) loss, (PtNDArray) seed, false, false);
      }
    } finally {
      JniUtils.setGradMode(false);
    }
    return input.getGradient().toFloatArray();
  }
}
