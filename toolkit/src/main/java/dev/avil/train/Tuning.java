package dev.avil.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.avil.task.Split;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The target's tuning part of its dev split, on which target-aware methods choose their weights:
 * its mean loss, its loss example by example, and the gradient of its mean loss with respect to all
 * parameters. All three are of the logits scaled by a sharpness, 1 until {@link #calibrate} fits
 * one.
 */
final class Tuning {
  private final EvalSet set;
  private final NDArray labels;
  private final int[] labelValues;
  private double sharpness = 1;

  /** The tuning examples {@code split} of the target, copied into {@code manager}. */
  Tuning(Split split, RunSpec spec, NDManager manager) {
    this.set = new EvalSet(split, spec, manager);
    this.labels = EvalSet.labels(split, manager);
    this.labelValues = split.labels();
    set.members.add(new EvalSet.Member(0, false, labels));
  }

  /**
   * Fits the sharpness at the parameters of {@code lane}: the factor on the logits that minimises
   * the mean loss there ({@link Losses#sharpness}). The losses and gradients that follow use it.
   *
   * @return the factor
   */
  double calibrate(Lane lane) {
    try (NDScope scope = new NDScope()) {
      NDArray logits = lane.net().logits(set.x, 0, false);
      int width = (int) logits.getShape().get(1);
      sharpness =
          Losses.sharpness(
              logits.toType(DataType.FLOAT32, false).toFloatArray(), labelValues, width);
    }
    return sharpness;
  }

  /** The mean loss at the parameters of {@code lane}. */
  double loss(Lane lane) {
    if (sharpness == 1) {
      return set.score(lane.net())[0][1];
    }
    return Arrays.stream(losses(lane)).average().orElseThrow();
  }

  /** The loss of each example at the parameters of {@code lane}. */
  double[] losses(Lane lane) {
    try (NDScope scope = new NDScope()) {
      NDArray l = Losses.perExample(sharpened(lane.net().logits(set.x, 0, false)), labels);
      return l.toType(DataType.FLOAT64, false).toDoubleArray();
    }
  }

  /** {@code logits} times the sharpness, as a torch-owned scalar (safe under autograd). */
  private NDArray sharpened(NDArray logits) {
    if (sharpness == 1) {
      return logits;
    }
    return logits.mul(Losses.scalar(logits.getManager(), sharpness, logits.getDataType()));
  }

  /**
   * The mean loss and its gradient at the parameters of the pool's own lane: one forward and one
   * backward pass. With more than one lane, each lane takes an equal share of the examples on its
   * copy of the network, and the shares' losses and gradients are averaged, weighted by their
   * sizes.
   */
  LossGradient lossAndGradient(LanePool pool) {
    int lanes = Math.min(Lanes.count(), set.n);
    if (lanes <= 1) {
      return share(pool.main(), 0, set.n);
    }
    List<Lane> synced = pool.synced(lanes);
    List<Callable<LossGradient>> jobs = new ArrayList<>();
    int[] bounds = new int[lanes + 1];
    for (int l = 0; l <= lanes; l++) {
      bounds[l] = (int) ((long) set.n * l / lanes);
    }
    for (int l = 0; l < lanes; l++) {
      Lane lane = synced.get(l);
      int from = bounds[l];
      int to = bounds[l + 1];
      jobs.add(() -> share(lane, from, to));
    }
    List<LossGradient> parts = Lanes.run(jobs);
    try {
      double loss = 0;
      double[] share = new double[lanes];
      for (int l = 0; l < lanes; l++) {
        share[l] = (double) (bounds[l + 1] - bounds[l]) / set.n;
        loss += share[l] * parts.get(l).loss();
      }
      // Σ share_l·g_l, written as g_0 + (share_0 − 1)·g_0 + Σ_{l>0} share_l·g_l
      double[] c = share.clone();
      c[0] -= 1;
      List<ParamVector> gradients = parts.stream().map(LossGradient::gradient).toList();
      return new LossGradient(loss, parts.get(0).gradient().plusCombination(c, gradients));
    } finally {
      parts.forEach(p -> p.gradient().close());
    }
  }

  /** Mean loss and gradient of the examples {@code [from, to)} on {@code lane}'s network. */
  private LossGradient share(Lane lane, int from, int to) {
    double loss;
    try (NDScope scope = new NDScope();
        Autograd ag = new Autograd(Autograd.kind(lane.spec(), to - from))) {
      NDIndex rows = new NDIndex("{}:{}", from, to);
      NDArray logits = sharpened(lane.net().logits(set.x.get(rows), 0, false));
      NDArray l = Losses.crossEntropy(logits, labels.get(rows));
      ag.backward(l);
      loss = Losses.value(l);
    }
    return new LossGradient(loss, lane.takeGradient());
  }
}
