package dev.avil.weighting;

import dev.avil.train.Combination;
import dev.avil.train.ParamVector;
import dev.avil.train.ProbingCombiner;
import dev.avil.train.StepProbe;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;
import java.util.List;

/**
 * Auto-λ (Liu, Johns &amp; Davison, "Auto-Lambda: Disentangling Dynamic Task Relationships", TMLR
 * 2022), following the authors' {@code auto_lambda.py} and {@code trainer_cifar.py}
 * (lorenmt/auto-lambda). Every task, the target's included, has a loss weight λ_k, unconstrained.
 * Each joint step, with a batch x_k of every task:
 *
 * <ol>
 *   <li>a virtual step θ′ = θ − (μ·v + η·∇Σ_k λ_k·L_k(θ; x_k)), the step SGD would take from θ with
 *       its momentum v;
 *   <li>d, the gradient at θ′ of the target's loss on a further batch x′;
 *   <li>with ε = 0.01/‖d‖, each task's loss at θ ± ε·d, and ∂λ_k = −η·(L_k(θ + ε·d; x_k) − L_k(θ −
 *       ε·d; x_k))/(2ε): the finite-difference form of −η·∇L_k(θ)·d, the first-order derivative of
 *       the target's loss after the virtual step with respect to λ_k;
 *   <li>an Adam step on λ, then the real step with the new λ (on the trunk and on each head).
 * </ol>
 *
 * <p>Where this differs from the code. The per-task gradients of the virtual step are those the
 * engine has already taken, so the real step costs no further pass. The losses at θ ± ε·d are taken
 * in evaluation mode (the code stays in training mode), so that dropout cannot enter the finite
 * difference. There is no weight decay, as the run's SGD has none. Each task has its own batch,
 * where the code's tasks share one. λ starts at 1 where the code starts it at 0.1 beside a model
 * learning rate of 0.1: at 1 the first steps are uniform multitask learning's, as every other
 * method's are; the Adam step on λ, 3e-3, is the code's CIFAR step of 3e-4 scaled as λ is. {@code
 * initial=0.1 learningRate=3e-4} gives the code's values. x′ is the next batch of the target's
 * training data in an order of its own, as the code's; {@code outer=tuning} draws it from the
 * tuning part of the target's dev split, the data αVIL chooses its weights on. {@code
 * hessianVector=exact} computes −η·∇L_k(θ)·d from the gradients at hand in place of the finite
 * difference: the limit the finite difference approximates, at no extra pass.
 *
 * <p>The recorded weight of a task is its λ at the end of the epoch. A step whose d or losses are
 * not finite leaves λ as it was and is counted ({@code skipped_alpha_steps}); the model still
 * steps.
 */
public final class AutoLambda implements Strategy {
  /** Where x′, the batch the target's loss after the virtual step is measured on, comes from. */
  public enum Outer {
    /** The target's training data, in an order of its own (the code). */
    TRAINING,
    /** The tuning part of the target's dev split, αVIL's data. */
    TUNING
  }

  /** How ∂λ is computed. */
  public enum HessianVector {
    /** The code's central difference of each task's loss along d. */
    FINITE_DIFFERENCE,
    /** −η·∇L_k(θ)·d from the step's gradients: the difference's limit, without its passes. */
    EXACT
  }

  private final Options options;
  private double[] lambda;
  private Adam adam;

  /** Auto-λ with {@code options}. */
  public AutoLambda(Options options) {
    this.options = options;
  }

  /**
   * Auto-λ's options.
   *
   * @param initial every λ's starting value, finite; default 1
   * @param learningRate Adam's step size on λ, &gt; 0; default 3e-3
   * @param outer where x′ comes from; default {@code training}
   * @param hessianVector how ∂λ is computed; default {@code finite-difference}
   */
  public record Options(
      double initial, double learningRate, Outer outer, HessianVector hessianVector)
      implements MethodOptions {
    /** Checks the options. */
    public Options {
      MethodOptions.require(Double.isFinite(initial), "Auto-λ initial", initial, "a finite λ");
      MethodOptions.requirePositive("Auto-λ learning rate", learningRate);
      MethodOptions.requireChoice("Auto-λ outer", outer, Outer.class);
      MethodOptions.requireChoice("Auto-λ hessianVector", hessianVector, HessianVector.class);
    }

    /** The defaults. */
    public static Options defaults() {
      return new Options(1, 3e-3, Outer.TRAINING, HessianVector.FINITE_DIFFERENCE);
    }

    /** With every λ starting at {@code v}. */
    public Options initial(double v) {
      return Records.with(this, "initial", v);
    }

    /** With Adam's step size {@code v} on λ. */
    public Options learningRate(double v) {
      return Records.with(this, "learningRate", v);
    }

    /** With x′ from {@code v}. */
    public Options outer(Outer v) {
      return Records.with(this, "outer", v);
    }

    /** With ∂λ computed as {@code v} says. */
    public Options hessianVector(HessianVector v) {
      return Records.with(this, "hessianVector", v);
    }
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    int k = run.taskCount();
    if (lambda == null) {
      lambda = new double[k];
      java.util.Arrays.fill(lambda, options.initial());
      adam = new Adam(k, options.learningRate());
    }
    int[] skipped = {0};
    int[] targetHead = run.headRange(0);
    double eta = run.learningRate();
    run.trainJoint(
        run.allTasks(),
        (ProbingCombiner)
            (tasks, gradients, losses, probe) -> {
              double[] g = metaGradient(probe, lambda, options, gradients, targetHead, eta);
              if (g == null) {
                skipped[0]++;
              } else {
                adam.step(lambda, g);
              }
              return new Combination(lambda.clone(), lambda.clone());
            });
    // every joint step is taken; a skipped λ step is counted as an α step skipped
    return new EpochWeights(lambda.clone(), null, skipped[0], java.util.OptionalInt.of(0));
  }

  /**
   * ∂λ at this step, or null if it is not finite: the virtual step, d at θ′, then the finite
   * difference along d or its exact form.
   */
  static double[] metaGradient(
      StepProbe probe,
      double[] lambda,
      Options options,
      List<ParamVector> gradients,
      int[] targetHead,
      double eta) {
    int k = lambda.length;
    try (ParamVector theta = probe.parameters();
        ParamVector step = probe.sgdStep(lambda);
        ParamVector virtual = theta.axpy(1, step);
        ParamVector d = probe.targetGradient(virtual, options.outer() == Outer.TUNING)) {
      double norm = d.norm();
      if (!(norm > 0) || !Double.isFinite(norm)) {
        return null;
      }
      double[] g = new double[k];
      if (options.hessianVector() == HessianVector.EXACT) {
        double[] onTrunk = d.slice(0, (int) gradients.get(0).size());
        for (int i = 0; i < k; i++) {
          g[i] = -eta * AlphaSolver.dot(gradients.get(i).toDoubleArray(), onTrunk);
        }
        try (ParamVector head = probe.headGradient(0)) {
          g[0] +=
              -eta * AlphaSolver.dot(head.toDoubleArray(), d.slice(targetHead[0], targetHead[1]));
        }
      } else {
        double epsilon = 0.01 / norm;
        double[] plus;
        double[] minus;
        try (ParamVector at = theta.axpy(epsilon, d)) {
          plus = probe.losses(at);
        }
        try (ParamVector at = theta.axpy(-epsilon, d)) {
          minus = probe.losses(at);
        }
        g = finiteDifference(eta, epsilon, plus, minus);
      }
      for (double x : g) {
        if (!Double.isFinite(x)) {
          return null;
        }
      }
      return g;
    }
  }

  /** ∂λ_k = −η·(L_k⁺ − L_k⁻)/(2ε), the code's finite difference. */
  static double[] finiteDifference(double eta, double epsilon, double[] plus, double[] minus) {
    double[] g = new double[plus.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = -eta * (plus[i] - minus[i]) / (2 * epsilon);
    }
    return g;
  }
}
