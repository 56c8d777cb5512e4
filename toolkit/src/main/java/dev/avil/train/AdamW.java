package dev.avil.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * AdamW as PyTorch's {@code torch.optim.AdamW} (β 0.9 and 0.999 in single precision, ε 1e-8,
 * bias-corrected, the weight decay decoupled: θ ← θ·(1 − lr·wd) before the Adam step) on a fixed
 * list of parameters; each step zeroes their gradients. Its moments live in the manager it is
 * given.
 */
final class AdamW {
  /** β₁ and β₂ as the native update takes them, in single precision. */
  static final float BETA1 = 0.9f;

  static final float BETA2 = 0.999f;

  private final double learningRate;
  private final double weightDecay;
  private final List<Parameter> params;
  private final List<NDArray[]> moments = new ArrayList<>();
  private int t;

  /** AdamW on {@code params}, its moments in {@code manager}. */
  AdamW(NDManager manager, double learningRate, double weightDecay, List<Parameter> params) {
    this.learningRate = learningRate;
    this.weightDecay = weightDecay;
    this.params = List.copyOf(params);
    for (Parameter p : params) {
      NDArray w = p.getArray();
      moments.add(
          new NDArray[] {
            manager.zeros(w.getShape(), w.getDataType()),
            manager.zeros(w.getShape(), w.getDataType())
          });
    }
  }

  /**
   * One step of every parameter from its gradient, then the gradients are zeroed: one fused native
   * update per parameter, given the bias corrections so that it computes PyTorch's formula.
   */
  void step() {
    t++;
    double c1 = 1 - Math.pow(BETA1, t);
    double c2 = 1 - Math.pow(BETA2, t);
    // θ −= lr·(m/c1)/(√(v/c2) + ε) is θ −= (lr·√c2/c1)·m/(√v + ε·√c2)
    float corrected = (float) (learningRate * Math.sqrt(c2) / c1);
    float epsilon = (float) (1e-8 * Math.sqrt(c2));
    for (int i = 0; i < params.size(); i++) {
      PtNDArray w = (PtNDArray) params.get(i).getArray();
      PtNDArray m = (PtNDArray) moments.get(i)[0];
      PtNDArray v = (PtNDArray) moments.get(i)[1];
      try (PtNDArray g = w.getGradient()) {
        JniUtils.adamUpdate(
            w,
            g,
            m,
            v,
            (float) learningRate,
            corrected,
            (float) weightDecay,
            1f,
            -1f,
            BETA1,
            BETA2,
            epsilon,
            true);
      }
      JniUtils.zeroGrad(w);
    }
  }
}
