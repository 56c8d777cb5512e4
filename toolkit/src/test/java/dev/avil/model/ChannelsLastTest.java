package dev.avil.model;

import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import dev.avil.runtime.DjlRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ChannelsLast} changes how a batch is stored, never what it holds: the same shape and
 * values, and LeNet, which starts with it, computes what its other blocks compute on the batch as
 * it comes, up to the order in which the kernels add.
 */
class ChannelsLastTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void keepsTheShapeAndTheValues(int channels) {
    try (NDManager m = DjlRuntime.newManager()) {
      NDArray x = m.randomNormal(new Shape(2, channels, 5, 4));
      NDArray y = ChannelsLast.of(x);
      assertThat(y.getShape()).isEqualTo(x.getShape());
      assertThat(y.toFloatArray()).containsExactly(x.toFloatArray());
      assertThat(new ChannelsLast().getOutputShapes(new Shape[] {x.getShape()}))
          .containsExactly(x.getShape());
    }
  }

  @Test
  void leNetStartsWithItAndComputesTheSameFeaturesUpToRounding() {
    try (NDManager m = DjlRuntime.newManager()) {
      SequentialBlock trunk = (SequentialBlock) Trunks.lenet().newBlock();
      trunk.initialize(m, DataType.FLOAT32, new Shape(1, 1, 28, 28));
      var blocks = trunk.getChildren();
      assertThat(blocks.valueAt(0)).isInstanceOf(ChannelsLast.class);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x = m.randomUniform(0, 1, new Shape(8, 1, 28, 28));
      float[] got = trunk.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
      NDList h = new NDList(x);
      for (int i = 1; i < blocks.size(); i++) {
        h = blocks.valueAt(i).forward(ps, h, false);
      }
      float[] expected = h.singletonOrThrow().toFloatArray();
      assertThat(got).hasSize(8 * 50);
      for (int i = 0; i < got.length; i++) {
        assertThat(got[i]).isCloseTo(expected[i], within(1e-5f));
      }
    }
  }

  @Test
  void aBatchThatIsNotOfImagesIsRefusedByName() {
    try (NDManager m = DjlRuntime.newManager()) {
      NDArray rows = m.zeros(new Shape(2, 4));
      assertRefused(() -> ChannelsLast.of(rows), "(2, 4)", "(N, C, H, W)");
      assertThatThrownBy(() -> new ChannelsLast().getOutputShapes(new Shape[] {new Shape(2, 4)}))
          .hasMessageContaining("(2, 4)");
    }
  }
}
