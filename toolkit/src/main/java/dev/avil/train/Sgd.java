package dev.avil.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * SGD with momentum, as PyTorch's {@code torch.optim.SGD} without dampening: {@code v ← m·v + lr·g;
 * θ ← θ − v}. One fused native update per parameter, then its gradient is zeroed. Momentum state
 * lives in its own manager and is freed on {@link #close()}.
 */
public final class Sgd implements ModelOptimizer {
  private final NDManager state;
  private final float learningRate;
  private final float momentum;
  private final Map<Parameter, NDArray> velocity = new IdentityHashMap<>();

  /**
   * An optimizer with {@code learningRate} and {@code momentum}, its state in a child of {@code
   * parent}.
   */
  public Sgd(NDManager parent, double learningRate, double momentum) {
    this.state = parent.newSubManager();
    this.learningRate = (float) learningRate;
    this.momentum = (float) momentum;
  }

  /** The learning rate as the update applies it (in single precision). */
  @Override
  public double learningRate() {
    return learningRate;
  }

  /** The momentum factor as the update applies it (in single precision). */
  @Override
  public double momentum() {
    return momentum;
  }

  /** Updates {@code params} from their gradients, then zeroes the gradients. */
  @Override
  public void step(List<Parameter> params) {
    for (Parameter p : params) {
      PtNDArray w = (PtNDArray) p.getArray();
      NDArray v =
          momentum == 0
              ? null
              : velocity.computeIfAbsent(p, k -> state.zeros(w.getShape(), w.getDataType()));
      try (PtNDArray g = w.getGradient()) {
        JniUtils.sgdUpdate(w, g, (PtNDArray) v, learningRate, 0f, 1f, -1f, momentum);
      }
      JniUtils.zeroGrad(w);
    }
  }

  /**
   * The momentum v of each of {@code params} (zero for one not stepped yet), in their order, as one
   * vector in {@code manager}.
   */
  @Override
  public ParamVector velocity(List<Parameter> params, NDManager manager) {
    NDList parts = new NDList(params.size());
    for (Parameter p : params) {
      NDArray v = velocity.get(p);
      NDArray w = p.getArray();
      parts.add(v == null ? manager.zeros(new Shape(w.size()), w.getDataType()) : v.flatten());
    }
    NDArray flat = NDArrays.concat(parts);
    flat.attach(manager);
    parts.close();
    return ParamVector.own(flat, manager);
  }

  /** Multiplies the gradients of {@code params} by {@code factor}, in place. */
  static void scaleGradients(List<Parameter> params, double factor) {
    for (Parameter p : params) {
      try (NDArray g = p.getArray().getGradient()) {
        g.muli(factor);
      }
    }
  }

  /** Zeroes the gradients of {@code params} without updating them. */
  static void zeroGradients(List<Parameter> params) {
    for (Parameter p : params) {
      JniUtils.zeroGrad((PtNDArray) p.getArray());
    }
  }

  @Override
  public void close() {
    state.close();
  }
}
