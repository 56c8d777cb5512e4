package dev.avil.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import dev.avil.runtime.DjlRuntime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fused AdamW step computes PyTorch's AdamW, step after step, each parameter with its own step
 * count (with the update's β in single precision, and its learning rates rounded to single
 * precision: within 1e-8).
 */
class AdamWTest {
  @Test
  void threeStepsAgreeWithPyTorchsFormula() {
    double lr = 0.03;
    double decay = 0.1;
    try (NDManager manager = DjlRuntime.newManager()) {
      Linear layer = Linear.builder().setUnits(2).build();
      layer.initialize(manager, DataType.FLOAT64, new Shape(4, 3));
      List<Parameter> params = new ArrayList<>();
      layer.getParameters().forEach(p -> params.add(p.getValue()));
      List<double[]> expected = new ArrayList<>();
      List<double[][]> moments = new ArrayList<>();
      for (Parameter p : params) {
        expected.add(p.getArray().toDoubleArray());
        int n = expected.get(expected.size() - 1).length;
        moments.add(new double[][] {new double[n], new double[n]});
      }
      AdamW adam = new AdamW(manager, lr, 0.9, 0.999, decay);
      NDArray x = manager.create(new double[] {1, -2, 0.5, 3, 0.2, -1, 2, 2, 1, 0, -0.5, 1.5});
      x = x.reshape(4, 3);
      ParameterStore store = new ParameterStore(manager, false);
      int[] steps = new int[params.size()];
      for (int t = 1; t <= 3; t++) {
        try (Autograd ag = new Autograd(List.of("adamw test", t))) {
          NDArray out = layer.forward(store, new NDList(x), true).singletonOrThrow();
          ag.backward(out.square().sum());
        }
        // at step 2 only the first parameter steps: each keeps its own step count, as in PyTorch
        List<Parameter> stepped = t == 2 ? params.subList(0, 1) : params;
        for (int i = 0; i < stepped.size(); i++) {
          double[] g = params.get(i).getArray().getGradient().toDoubleArray();
          pyTorchAdamW(expected.get(i), g, moments.get(i), ++steps[i], lr, decay);
        }
        adam.step(stepped);
        for (int i = 0; i < params.size(); i++) {
          assertThat(params.get(i).getArray().toDoubleArray())
              .as("parameter %d after step %d", i, t)
              .containsExactly(expected.get(i), within(1e-8));
        }
        for (Parameter p : stepped) {
          assertThat(p.getArray().getGradient().toDoubleArray())
              .as("gradient zeroed")
              .containsOnly(0.0);
        }
      }
      adam.close();
    }
  }

  /** torch.optim.AdamW's step, in place on {@code w} and its moments {m, v}. */
  private static void pyTorchAdamW(
      double[] w, double[] g, double[][] mv, int t, double lr, double decay) {
    for (int j = 0; j < w.length; j++) {
      w[j] -= lr * decay * w[j];
      double b1 = 0.9f; // β as the native update takes them, in single precision
      double b2 = 0.999f;
      mv[0][j] = b1 * mv[0][j] + (1 - b1) * g[j];
      mv[1][j] = b2 * mv[1][j] + (1 - b2) * g[j] * g[j];
      double mHat = mv[0][j] / (1 - Math.pow(b1, t));
      double vHat = mv[1][j] / (1 - Math.pow(b2, t));
      w[j] -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
    }
  }
}
