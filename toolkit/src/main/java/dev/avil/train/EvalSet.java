package dev.avil.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.avil.model.MultiHeadNet;
import dev.avil.task.Split;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of evaluation inputs, copied once into the run's manager, and the tasks scored on it: tasks
 * built from the same inputs share one set, so the trunk runs over them once.
 */
final class EvalSet {
  private static final int CHUNK = 1000;

  /** Which task's labels to score against the inputs, on its dev or its test split. */
  record Member(int task, boolean isTest, NDArray labels) {}

  final Split split;
  final NDArray x;
  final int n;
  final List<Member> members = new ArrayList<>();

  /** The inputs of {@code split}, in the run's data type, with no member yet. */
  EvalSet(Split split, RunSpec spec, NDManager manager) {
    this.split = split;
    this.n = split.size();
    float[] data = split.features();
    NDArray raw = manager.create(data, spec.inputs(n));
    this.x = spec.dtype() == DataType.FLOAT32 ? raw : raw.toType(spec.dtype(), false);
  }

  /** The labels of {@code split}, as an array in {@code manager}. */
  static NDArray labels(Split split, NDManager manager) {
    return manager.create(Arrays.stream(split.labels()).asLongStream().toArray());
  }

  /** Accuracy and mean loss of each member, {@code [member][acc, loss]}, on {@code net}. */
  double[][] score(MultiHeadNet net) {
    int k = members.size();
    long[] correct = new long[k];
    double[] loss = new double[k];
    for (int from = 0; from < n; from += CHUNK) {
      int to = Math.min(n, from + CHUNK);
      try (NDScope scope = new NDScope()) {
        NDIndex rows = new NDIndex("{}:{}", from, to);
        NDArray features = net.features(x.get(rows), false);
        for (int i = 0; i < k; i++) {
          Member m = members.get(i);
          NDArray logits = net.head(features, m.task, false);
          NDArray y = m.labels.get(rows);
          correct[i] += logits.argMax(1).eq(y).sum().getLong();
          loss[i] += Losses.value(Losses.crossEntropy(logits, y)) * (to - from);
        }
      }
    }
    double[][] out = new double[k][];
    for (int i = 0; i < k; i++) {
      out[i] = new double[] {(double) correct[i] / n, loss[i] / n};
    }
    return out;
  }
}
