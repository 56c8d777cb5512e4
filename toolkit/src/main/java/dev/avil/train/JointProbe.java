package dev.avil.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.avil.model.MultiHeadNet;
import dev.avil.task.Split;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@link StepProbe} of one joint pass. At each step it takes the heads' gradients out of the
 * network, so that its looks start from zero gradients, and puts them and the parameters back
 * before the step moves.
 */
final class JointProbe implements StepProbe {
  private final Lane lane;
  private final Sampling sampling;
  private final Split tuning;
  private final ModelOptimizer opt;
  private final List<Parameter> trunk;
  private int[] tasks;
  private List<ParamVector> gradients;
  private List<List<Parameter>> heads;
  private final List<ParamVector> headGradients = new ArrayList<>();
  private int[][] order;
  private int[] from;
  private int[] counts;
  private ParamVector theta;
  private boolean moved;
  private int[] targetOrder = new int[0];
  private int targetAt;
  private int[] tuningOrder = new int[0];
  private int tuningAt;

  /** A probe of the pass on {@code lane} that steps with {@code opt}. */
  JointProbe(Lane lane, Sampling sampling, Split tuning, ModelOptimizer opt) {
    this.lane = lane;
    this.sampling = sampling;
    this.tuning = tuning;
    this.opt = opt;
    this.trunk = lane.net().trunkParameters();
  }

  /**
   * Starts a step over {@code tasks}, whose trunk gradients are {@code gradients}, the heads' still
   * in {@code heads}; task i's batch is {@code counts[i]} rows of {@code order[i]} from {@code
   * from[i]}.
   */
  void begin(
      int[] tasks,
      List<ParamVector> gradients,
      List<List<Parameter>> heads,
      int[][] order,
      int[] from,
      int[] counts) {
    this.tasks = tasks;
    this.gradients = gradients;
    this.heads = heads;
    this.order = order;
    this.from = from;
    this.counts = counts;
    for (List<Parameter> head : heads) {
      headGradients.add(lane.takeGradient(head));
    }
  }

  /** Ends the step: the parameters where they stood, the heads' gradients back in place. */
  void end() {
    try {
      Sgd.zeroGradients(lane.params());
      if (moved) {
        theta.writeTo(lane.params());
      }
      for (int i = 0; i < heads.size(); i++) {
        headGradients.get(i).writeGradientsTo(heads.get(i));
      }
    } finally {
      headGradients.forEach(ParamVector::close);
      headGradients.clear();
      if (theta != null) {
        theta.close();
      }
      theta = null;
      moved = false;
    }
  }

  @Override
  public ParamVector parameters() {
    return standing().copy();
  }

  @Override
  public ParamVector sgdStep(double[] weights) {
    if (weights.length != tasks.length) {
      throw new IllegalArgumentException(
          weights.length + " weights for a step of " + tasks.length + " tasks");
    }
    try (ParamVector g = ParamVector.combination(weights, gradients)) {
      g.writeGradientsTo(trunk);
    }
    for (int i = 0; i < tasks.length; i++) {
      try (ParamVector h =
          ParamVector.combination(new double[] {weights[i]}, List.of(headGradients.get(i)))) {
        h.writeGradientsTo(heads.get(i));
      }
    }
    try (ParamVector g = lane.takeGradient();
        ParamVector v = lane.velocity(opt)) {
      return ParamVector.combination(
          new double[] {-opt.momentum(), -opt.learningRate()}, List.of(v, g));
    }
  }

  @Override
  public double[] losses(ParamVector at) {
    moveTo(at);
    double[] out = new double[tasks.length];
    for (int i = 0; i < tasks.length; i++) {
      out[i] = lane.loss(tasks[i], order[i], from[i], counts[i]);
    }
    return out;
  }

  @Override
  public ParamVector targetGradient(ParamVector at, boolean fromTuning) {
    moveTo(at);
    int batch = lane.spec().batchSize();
    if (fromTuning) {
      return lane.gradientOn(0, tuning, nextTuning(Math.min(batch, tuning.size())));
    }
    int n = sampling.trainSize(0);
    if (targetAt >= targetOrder.length) {
      targetOrder = sampling.probeOrder(n);
      targetAt = 0;
    }
    int count = Math.min(batch, n - targetAt);
    int[] rows = Arrays.copyOfRange(targetOrder, targetAt, targetAt + count);
    targetAt += count;
    return lane.gradientOn(0, lane.spec().tasks().get(0).train(), rows);
  }

  @Override
  public ParamVector headGradient(int i) {
    return headGradients.get(i).copy();
  }

  /**
   * A fresh head (initialised from the probes' stream) fitted on one tuning batch with the trunk
   * still, then the trunk's gradient of the next batch's loss read through it; the network's own
   * heads and every gradient are left as they were (zero).
   */
  @Override
  public ParamVector devHeadGradient(DevHeadFit fit) {
    if (moved) {
      theta.writeTo(lane.params());
      moved = false;
    }
    int batch =
        Math.max(1, Math.min(Math.min(fit.batch(), lane.spec().batchSize()), tuning.size() / 2));
    int[] fitted = nextTuning(batch);
    int[] scored = nextTuning(batch);
    MultiHeadNet net = lane.net();
    try (NDManager own = lane.newSubManager()) {
      Block head = net.newHead(0, own, sampling.probeStream());
      List<Parameter> headParams = new ArrayList<>();
      head.getParameters().forEach(p -> headParams.add(p.getValue()));
      NDArray z;
      NDArray y;
      try (NDScope scope = new NDScope()) {
        NDList b = lane.batch(tuning, fitted);
        z = net.features(b.get(0), false);
        y = b.get(1);
        NDScope.unregister(z, y);
      }
      z.attach(own);
      y.attach(own);
      ModelOptimizer adam =
          Optimizer.adamW().weightDecay(fit.weightDecay()).open(own, fit.learningRate());
      Object kind = List.of("dev head", z.getShape().toString(), lane.spec().dtype().toString());
      for (int s = 0; s < fit.steps(); s++) {
        try (NDScope scope = new NDScope();
            Autograd ag = new Autograd(kind)) {
          ag.backward(Losses.crossEntropy(net.head(head, z, true), y));
        }
        adam.step(headParams);
      }
      try (NDScope scope = new NDScope();
          Autograd ag = new Autograd(Autograd.kind(lane.spec(), scored.length))) {
        NDList b = lane.batch(tuning, scored);
        NDArray features = net.features(b.get(0), true);
        ag.backward(Losses.crossEntropy(net.head(head, features, true), b.get(1)));
      }
      return lane.takeGradient(net.trunkParameters());
    }
  }

  /**
   * The next {@code batch} rows of the tuning part, in the probes' order, reshuffled when short.
   */
  private int[] nextTuning(int batch) {
    if (tuningAt + batch > tuningOrder.length) {
      tuningOrder = sampling.probeOrder(tuning.size());
      tuningAt = 0;
    }
    int[] rows = Arrays.copyOfRange(tuningOrder, tuningAt, tuningAt + batch);
    tuningAt += batch;
    return rows;
  }

  /** θ, taken the first time it is needed in the step. */
  private ParamVector standing() {
    if (theta == null) {
      theta = lane.parameters();
    }
    return theta;
  }

  private void moveTo(ParamVector at) {
    standing();
    at.writeTo(lane.params());
    moved = true;
  }
}
