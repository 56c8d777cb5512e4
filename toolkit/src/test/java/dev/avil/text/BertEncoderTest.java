package dev.avil.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.avil.model.BertEncoder;
import dev.avil.model.OnnxWeights;
import dev.avil.runtime.DjlRuntime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped all-MiniLM-L6-v2, rebuilt as DJL blocks on the PyTorch engine from the weights of its
 * ONNX file, against ONNX Runtime running that file on the same batch of real texts.
 */
class BertEncoderTest {
  private static final List<String> TEXTS =
      List.of(
          "Great coffee, I order it every month.",
          "The dog food arrived stale and my dog would not touch it.",
          "ok",
          "These crackers are crisp, not too salty, and the box lasted a week in our house of four.",
          "I wanted to like this tea but it tastes like the bag it came in.");

  private static NDManager manager;
  private static Map<String, OnnxWeights.Tensor> weights;

  @BeforeAll
  static void read() {
    manager = DjlRuntime.newManager();
    weights = OnnxWeights.read(OnnxMiniLm.modelBytes());
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @Test
  void everyUnnamedMatrixTakesTheNameOfItsBias() {
    assertThat(weights).hasSize(101);
    assertThat(weights.keySet()).noneMatch(n -> n.startsWith("onnx::"));
    long matrices =
        weights.entrySet().stream()
            .filter(e -> e.getKey().startsWith("encoder.") && e.getValue().shape().length == 2)
            .count();
    assertThat(matrices).isEqualTo(36);
    assertThat(weights.get("encoder.layer.5.intermediate.dense.weight").shape())
        .containsExactly(384, 1536);
    assertThat(weights.get("encoder.layer.0.attention.self.query.weight").shape())
        .containsExactly(384, 384);
  }

  @Test
  void theDjlEncoderReproducesOnnxRuntime() {
    OnnxMiniLm onnx = OnnxMiniLm.get();
    OnnxMiniLm.Batch batch = OnnxMiniLm.Batch.of(onnx.tokenize(TEXTS));
    float[] expected = onnx.lastHidden(batch);
    float[] actual;
    try (BertEncoder encoder = BertEncoder.of(manager, weights, 12, DataType.FLOAT32);
        NDManager scope = manager.newSubManager()) {
      assertThat(encoder.layers()).hasSize(6);
      NDArray ids = scope.create(batch.ids(), new Shape(batch.size(), batch.tokens()));
      NDArray mask = encoder.additiveMask(scope, batch.mask(), batch.size(), batch.tokens());
      actual = encoder.forward(new ParameterStore(scope, false), ids, mask).toFloatArray();
    }
    int width = 384;
    double worst = 0;
    for (int i = 0; i < batch.size() * batch.tokens(); i++) {
      if (batch.mask()[i] == 0) {
        continue;
      }
      for (int j = 0; j < width; j++) {
        worst = Math.max(worst, Math.abs(actual[i * width + j] - expected[i * width + j]));
      }
    }
    assertThat(worst).as("the last layer, every real token").isLessThan(1e-4);
    float[][] pooledActual = OnnxMiniLm.pool(actual, batch.mask(), batch.size(), batch.tokens());
    float[][] pooledExpected =
        OnnxMiniLm.pool(expected, batch.mask(), batch.size(), batch.tokens());
    for (int i = 0; i < TEXTS.size(); i++) {
      for (int j = 0; j < width; j++) {
        assertThat((double) pooledActual[i][j])
            .as("pooled vector of text %d", i)
            .isCloseTo(pooledExpected[i][j], org.assertj.core.api.Assertions.within(1e-5));
      }
    }
  }

  @Test
  void aChangedFileIsRefusedWithTheReason() {
    byte[] onnx = OnnxMiniLm.modelBytes();
    assertThatThrownBy(() -> OnnxWeights.read(Arrays.copyOf(onnx, onnx.length / 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("damaged ONNX file");
    Map<String, OnnxWeights.Tensor> missing = new HashMap<>(weights);
    missing.remove("encoder.layer.2.attention.self.value.weight");
    assertThatThrownBy(() -> BertEncoder.of(manager, missing, 12, DataType.FLOAT32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("encoder.layer.2.attention.self.value.weight");
    Map<String, OnnxWeights.Tensor> reshaped = new HashMap<>(weights);
    OnnxWeights.Tensor q = weights.get("encoder.layer.1.attention.self.query.weight");
    reshaped.put(
        "encoder.layer.1.attention.self.query.weight",
        new OnnxWeights.Tensor(new long[] {192, 768}, q.values()));
    assertThatThrownBy(() -> BertEncoder.of(manager, reshaped, 12, DataType.FLOAT32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("encoder.layer.1.attention.self.query.weight has shape [192, 768]");
  }

  @Test
  void aLongLoopOfBatchesLeavesNothingBehindInTheEncoder() {
    OnnxMiniLm.Batch batch = OnnxMiniLm.Batch.of(OnnxMiniLm.get().tokenize(TEXTS));
    try (BertEncoder encoder = BertEncoder.of(manager, weights, 12, DataType.FLOAT32)) {
      int before = 0;
      for (int i = 0; i < 20; i++) {
        try (NDManager scope = manager.newSubManager()) {
          NDArray ids = scope.create(batch.ids(), new Shape(batch.size(), batch.tokens()));
          NDArray mask = encoder.additiveMask(scope, batch.mask(), batch.size(), batch.tokens());
          encoder.forward(new ParameterStore(scope, false), ids, mask);
        }
        int held = ((ai.djl.ndarray.BaseNDManager) manager).getManagedArrays().size();
        if (i == 0) {
          before = held;
        }
        assertThat(held).as("arrays held after batch %d", i + 1).isEqualTo(before);
      }
    }
  }
}
