package dev.avil.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * AdamW as PyTorch's {@code torch.optim.AdamW} (β 0.9 and 0.999, ε 1e-8, bias-corrected, the weight
 * decay decoupled: θ ← θ·(1 − lr·wd) before the Adam step) on a fixed list of parameters; each step
 * zeroes their gradients. Its moments live in the manager it is given.
 */
final class AdamW {
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

  /** One step of every parameter from its gradient, then the gradients are zeroed. */
  void step() {
    t++;
    double c1 = 1 - Math.pow(0.9, t);
    double c2 = 1 - Math.pow(0.999, t);
    for (int i = 0; i < params.size(); i++) {
      NDArray w = params.get(i).getArray();
      NDArray m = moments.get(i)[0];
      NDArray v = moments.get(i)[1];
      try (NDScope scope = new NDScope();
          NDArray g = w.getGradient()) {
        w.muli(1 - learningRate * weightDecay);
        m.muli(0.9).addi(g.mul(0.1));
        v.muli(0.999).addi(g.square().muli(0.001));
        NDArray denominator = v.div(c2).sqrt().addi(1e-8);
        w.subi(m.div(c1).divi(denominator).muli(learningRate));
      }
      JniUtils.zeroGrad((PtNDArray) w);
    }
  }
}
