package dev.avil.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW as PyTorch's {@code torch.optim.AdamW} (β in single precision as the native update takes
 * them, ε 1e-8, bias-corrected, the weight decay decoupled: θ ← θ·(1 − lr·wd) before the Adam
 * step). Each parameter keeps its own moments and step count from its first step, as PyTorch's
 * state does, so a head that steps less often than the trunk is corrected for its own steps. Each
 * step zeroes the gradients; the state lives in its own manager and is freed on {@link #close()}.
 */
final class AdamW implements ModelOptimizer {
  private final NDManager state;
  private final double learningRate;
  private final float beta1;
  private final float beta2;
  private final double weightDecay;
  private final Map<Parameter, Moments> moments = new IdentityHashMap<>();

  private static final class Moments {
    final NDArray m;
    final NDArray v;
    int t;

    Moments(NDManager manager, NDArray w) {
      m = manager.zeros(w.getShape(), w.getDataType());
      v = manager.zeros(w.getShape(), w.getDataType());
    }
  }

  /** AdamW at {@code learningRate} with β {@code beta1}, {@code beta2}, its state in a child. */
  AdamW(NDManager parent, double learningRate, double beta1, double beta2, double weightDecay) {
    this.state = parent.newSubManager();
    this.learningRate = learningRate;
    this.beta1 = (float) beta1;
    this.beta2 = (float) beta2;
    this.weightDecay = weightDecay;
  }

  /**
   * One step of every parameter from its gradient, then its gradient is zeroed: one fused native
   * update per parameter, given the bias corrections so that it computes PyTorch's formula.
   */
  @Override
  public void step(List<Parameter> params) {
    for (Parameter p : params) {
      PtNDArray w = (PtNDArray) p.getArray();
      Moments s = moments.computeIfAbsent(p, k -> new Moments(state, w));
      s.t++;
      double c1 = 1 - Math.pow(beta1, s.t);
      double c2 = 1 - Math.pow(beta2, s.t);
      // θ −= lr·(m/c1)/(√(v/c2) + ε) is θ −= (lr·√c2/c1)·m/(√v + ε·√c2)
      float corrected = (float) (learningRate * Math.sqrt(c2) / c1);
      float epsilon = (float) (1e-8 * Math.sqrt(c2));
      try (PtNDArray g = w.getGradient()) {
        JniUtils.adamUpdate(
            w,
            g,
            (PtNDArray) s.m,
            (PtNDArray) s.v,
            (float) learningRate,
            corrected,
            (float) weightDecay,
            1f,
            -1f,
            beta1,
            beta2,
            epsilon,
            true);
      }
      JniUtils.zeroGrad(w);
    }
  }

  @Override
  public double learningRate() {
    return learningRate;
  }

  /** 0: AdamW has no velocity for an SGD step to continue. */
  @Override
  public double momentum() {
    return 0;
  }

  @Override
  public ParamVector velocity(List<Parameter> params, NDManager manager) {
    long n = 0;
    for (Parameter p : params) {
      n += p.getArray().size();
    }
    return ParamVector.own(
        manager.zeros(new Shape(n), params.get(0).getArray().getDataType()), manager);
  }

  @Override
  public void close() {
    state.close();
  }
}
