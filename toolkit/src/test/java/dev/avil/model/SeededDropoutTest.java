package dev.avil.model;

import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import dev.avil.runtime.DjlRuntime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Dropout whose masks a seed reproduces: inverted dropout at its rate, the same masks from the same
 * seed and other masks from another, nothing dropped outside training, and every {@link
 * SeededDropout} of a trunk drawing from its network's stream.
 */
class SeededDropoutTest {
  @Test
  void keepsOneMinusTheRateScaledAndRepeatsItsMasksFromTheSameSeed() {
    try (NDManager m = DjlRuntime.newManager()) {
      NDArray x = m.arange(1f, 200_001f);
      float[] a = new DropoutMasks(7).apply(x, 0.1f).toFloatArray();
      float[] b = new DropoutMasks(7).apply(x, 0.1f).toFloatArray();
      float[] c = new DropoutMasks(8).apply(x, 0.1f).toFloatArray();
      assertThat(a).isEqualTo(b);
      int kept = 0;
      int differ = 0;
      for (int i = 0; i < a.length; i++) {
        if (a[i] != 0) {
          kept++;
          assertThat((double) a[i]).isCloseTo((i + 1) / 0.9, within((i + 1) * 1e-6));
        }
        differ += (a[i] != 0) != (c[i] != 0) ? 1 : 0;
      }
      // binomial: 200,000 × 0.9 ± 134 (one standard deviation)
      assertThat(kept).isBetween(179_400, 180_600);
      // two independent masks disagree on 2 × 0.9 × 0.1 of the elements
      assertThat(differ).isBetween(35_000, 37_000);
      assertThat(new DropoutMasks(7).apply(x, 0f)).isSameAs(x);
    }
  }

  @Test
  void aRateOutsideZeroToOneIsRefused() {
    assertRefused(() -> new SeededDropout(1f), "dropout rate 1.0 must be in [0, 1)");
    assertRefused(() -> new SeededDropout(-0.5f), "dropout rate -0.5 must be in [0, 1)");
    assertRefused(() -> new SeededDropout(Float.NaN), "dropout rate NaN must be in [0, 1)");
  }

  @Test
  void aNetworksTrunkDrawsFromTheNetworksStreamAndOnlyWhileTraining() {
    Trunk trunk =
        Trunk.of(
            "dropped",
            () ->
                new SequentialBlock()
                    .add(Linear.builder().setUnits(64).build())
                    .add(new SequentialBlock().add(new SeededDropout(0.5f))),
            8);
    try (NDManager m = DjlRuntime.newManager()) {
      MultiHeadNet net =
          new MultiHeadNet(
              m,
              trunk,
              4,
              new int[] {2},
              new long[] {8},
              DataType.FLOAT32,
              new SplittableRandom(1));
      NDArray x = m.ones(new Shape(3, 8));
      net.dropoutMasks().restart(5);
      float[] first = net.features(x, true).toFloatArray();
      net.dropoutMasks().restart(5);
      assertThat(net.features(x, true).toFloatArray()).isEqualTo(first);
      net.dropoutMasks().restart(6);
      assertThat(net.features(x, true).toFloatArray()).isNotEqualTo(first);
      float[] plain = net.features(x, false).toFloatArray();
      int zeros = 0;
      for (int i = 0; i < first.length; i++) {
        if (first[i] == 0) {
          zeros++;
        } else {
          assertThat((double) first[i]).isCloseTo(2 * plain[i], within(1e-5));
        }
      }
      assertThat(zeros).as("of 192 features at rate 0.5").isBetween(60, 132);
    }
  }

  @Test
  void outsideTrainingTheInputPassesUnchanged() {
    try (NDManager m = DjlRuntime.newManager()) {
      NDArray x = m.arange(10f);
      NDList out =
          new SeededDropout(0.3f).forward(new ParameterStore(m, false), new NDList(x), false);
      assertThat(out.head()).isSameAs(x);
    }
  }
}
