package dev.avil.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.avil.model.BertEncoder;
import dev.avil.model.BertLayer;
import dev.avil.model.OnnxWeights;
import dev.avil.runtime.DjlRuntime;
import dev.avil.train.Autograd;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fine-tuning the shipped MiniLM's top layers, in double precision: gradients reach exactly the
 * trainable layers, and they are the derivatives that central differences of the loss give.
 */
class BertGradientTest {
  private static NDManager manager;
  private static BertEncoder encoder;
  private static OnnxMiniLm.Batch batch;
  private static double[] probe;

  @BeforeAll
  static void build() {
    manager = DjlRuntime.newManager();
    encoder =
        BertEncoder.of(manager, OnnxWeights.read(OnnxMiniLm.modelBytes()), 12, DataType.FLOAT64);
    encoder.trainableTop(2);
    batch =
        OnnxMiniLm.Batch.of(
            OnnxMiniLm.get()
                .tokenize(List.of("Good tea.", "The box came crushed and half of it was gone.")));
    Random r = new Random(7);
    probe = new double[batch.size() * batch.tokens() * 384];
    for (int i = 0; i < probe.length; i++) {
      probe[i] = batch.mask()[i / 384] == 0 ? 0 : r.nextGaussian();
    }
  }

  @AfterAll
  static void close() {
    encoder.close();
    manager.close();
  }

  /**
   * Σ h·probe over the real tokens of the last layer's states h; with {@code backward}, its grads.
   */
  private static double loss(boolean backward) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray ids = scope.create(batch.ids(), new Shape(batch.size(), batch.tokens()));
      NDArray mask = encoder.additiveMask(scope, batch.mask(), batch.size(), batch.tokens());
      NDArray p = scope.create(probe, new Shape(batch.size(), batch.tokens(), 384));
      if (!backward) {
        return encoder
            .forward(new ParameterStore(scope, false), ids, mask)
            .mul(p)
            .sum()
            .getDouble();
      }
      try (Autograd ag = new Autograd("bert-gradient-test")) {
        NDArray l = encoder.forward(new ParameterStore(scope, false), ids, mask).mul(p).sum();
        ag.backward(l);
        return l.getDouble();
      }
    }
  }

  private static Parameter parameter(int layer, String name) {
    return encoder.layers().get(layer).getParameters().stream()
        .filter(p -> p.getKey().endsWith(name))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  @Test
  void gradientsReachExactlyTheTrainableLayersAndMatchCentralDifferences() {
    loss(true);
    List<BertLayer> layers = encoder.layers();
    for (int i = 0; i < layers.size(); i++) {
      for (var e : layers.get(i).getParameters()) {
        NDArray a = e.getValue().getArray();
        boolean moved = a.hasGradient() && a.getGradient().abs().sum().getDouble() > 0;
        assertThat(moved).as("layer %d %s has a gradient", i, e.getKey()).isEqualTo(i >= 4);
      }
    }
    check(parameter(5, "output_weight"), 3);
    check(parameter(4, "query_weight"), 1000);
    check(parameter(4, "attentionNorm_gamma"), 17);
  }

  /** Autograd's derivative at entry {@code at} of {@code p} against a central difference. */
  private static void check(Parameter p, int at) {
    NDArray w = p.getArray();
    double autograd = w.getGradient().toDoubleArray()[at];
    double[] values = w.toDoubleArray();
    double x = values[at];
    double h = 1e-4;
    values[at] = x + h;
    w.set(values);
    double plus = loss(false);
    values[at] = x - h;
    w.set(values);
    double minus = loss(false);
    values[at] = x;
    w.set(values);
    double numeric = (plus - minus) / (2 * h);
    assertThat(autograd).as("%s[%d]", p.getName(), at).isNotZero();
    assertThat(autograd)
        .as("%s[%d]", p.getName(), at)
        .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
  }
}
