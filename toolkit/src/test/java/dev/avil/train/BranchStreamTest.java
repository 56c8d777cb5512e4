package dev.avil.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.DataType;
import dev.avil.task.Task;
import dev.avil.testing.Synthetic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A forked branch draws its batches from a stream of its own, so the run's batches stay put. */
class BranchStreamTest {
  private static final double[] BOTH = {1, 1};

  private static RunSpec spec() {
    Task target = Synthetic.blobs("target", 200, 6, 3, 1.0, 1);
    Task aux = Synthetic.blobs("aux", 300, 6, 4, 1.0, 2);
    return Synthetic.oneEpoch("branches", List.of(target, aux), 16, 3, DataType.FLOAT32);
  }

  @Test
  void aBranchLeavesTheModelAtThetaAndTheRunsBatchOrderAsItWas() {
    try (TrainingRun forked = new TrainingRun(spec());
        TrainingRun plain = new TrainingRun(spec());
        ParamVector theta = forked.parameters()) {
      try (ParamVector delta = forked.branchFrom(theta, BOTH);
          ParamVector now = forked.parameters()) {
        assertThat(delta.norm()).as("the branch trained").isGreaterThan(1e-3);
        assertThat(now.toDoubleArray())
            .as("the model is back at θ")
            .containsExactly(theta.toDoubleArray());
      }
      forked.trainInterleaved(BOTH);
      plain.trainInterleaved(BOTH);
      try (ParamVector a = forked.parameters();
          ParamVector b = plain.parameters()) {
        assertThat(a.toDoubleArray())
            .as("a pass after a branch, and the same pass without one")
            .containsExactly(b.toDoubleArray());
      }
      // the branch's own batches differ from the pass's: same start, same weights, other order
      try (ParamVector again = forked.branchFrom(theta, BOTH);
          ParamVector afterPass = plain.parameters();
          ParamVector passDelta = afterPass.minus(theta)) {
        assertThat(again.toDoubleArray()).isNotEqualTo(passDelta.toDoubleArray());
      }
    }
  }
}
