package dev.avil.train;

import ai.djl.ndarray.NDManager;

/**
 * The optimiser of the model's parameters, for every method: SGD with momentum (the default) or
 * AdamW. The learning rate is the experiment's. Immutable; each wither returns new settings.
 *
 * <pre>{@code
 * experiment.optimizer(Optimizer.sgd().momentum(0.5));
 * experiment.optimizer(Optimizer.adamW().weightDecay(0.01)).learningRate(3e-5);
 * }</pre>
 *
 * @param kind SGD or AdamW
 * @param momentum SGD's momentum, in [0, 1); 0 for AdamW
 * @param beta1 AdamW's β₁, in [0, 1); 0 for SGD
 * @param beta2 AdamW's β₂, in [0, 1); 0 for SGD
 * @param weightDecay AdamW's decoupled weight decay, ≥ 0; 0 for SGD
 */
public record Optimizer(
    Kind kind, double momentum, double beta1, double beta2, double weightDecay) {
  /** The two optimisers. */
  public enum Kind {
    /** SGD with momentum, as {@code torch.optim.SGD} without dampening. */
    SGD,
    /** AdamW, as {@code torch.optim.AdamW} (ε 1e-8, bias-corrected, decay decoupled). */
    ADAMW
  }

  /** Checks every setting; the message names the bad value and what is accepted. */
  public Optimizer {
    if (kind == null) {
      throw new IllegalArgumentException("optimizer kind null must be SGD or ADAMW");
    }
    check(momentum, "momentum", kind == Kind.SGD);
    check(beta1, "beta1", kind == Kind.ADAMW);
    check(beta2, "beta2", kind == Kind.ADAMW);
    if (!(weightDecay >= 0 && Double.isFinite(weightDecay))
        || (kind == Kind.SGD && weightDecay != 0)) {
      throw new IllegalArgumentException(
          "weight decay "
              + weightDecay
              + " must be "
              + (kind == Kind.SGD ? "0 for SGD (AdamW decays weights)" : "finite and ≥ 0"));
    }
  }

  private static void check(double v, String name, boolean applies) {
    if (applies ? !(v >= 0 && v < 1) : v != 0) {
      throw new IllegalArgumentException(
          name + " " + v + " must be " + (applies ? "in [0, 1)" : "0: it is not an option here"));
    }
  }

  /** SGD with momentum 0.9: the default. */
  public static Optimizer sgd() {
    return new Optimizer(Kind.SGD, 0.9, 0, 0, 0);
  }

  /** AdamW with PyTorch's defaults: β 0.9 and 0.999, weight decay 0.01. */
  public static Optimizer adamW() {
    return new Optimizer(Kind.ADAMW, 0, 0.9, 0.999, 0.01);
  }

  /** SGD with momentum {@code m}, in [0, 1). */
  public Optimizer momentum(double m) {
    return new Optimizer(kind, m, beta1, beta2, weightDecay);
  }

  /** AdamW with β₁ {@code b1} and β₂ {@code b2}, each in [0, 1). */
  public Optimizer betas(double b1, double b2) {
    return new Optimizer(kind, momentum, b1, b2, weightDecay);
  }

  /** AdamW with decoupled weight decay {@code wd}, ≥ 0. */
  public Optimizer weightDecay(double wd) {
    return new Optimizer(kind, momentum, beta1, beta2, wd);
  }

  /** The settings as the configuration records them, e.g. {@code sgd momentum=0.9}. */
  public String describe() {
    return kind == Kind.SGD
        ? "sgd momentum=" + momentum
        : "adamw beta1=" + beta1 + " beta2=" + beta2 + " weightDecay=" + weightDecay;
  }

  /** A fresh optimiser at {@code learningRate}, its state in a child of {@code parent}. */
  ModelOptimizer open(NDManager parent, double learningRate) {
    return kind == Kind.SGD
        ? new Sgd(parent, learningRate, momentum)
        : new AdamW(parent, learningRate, beta1, beta2, weightDecay);
  }
}
