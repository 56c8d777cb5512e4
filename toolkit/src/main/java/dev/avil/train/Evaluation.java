package dev.avil.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.avil.task.Split;
import java.util.ArrayList;
import java.util.List;

/**
 * Every task's accuracy and mean loss on its dev split (the model-selection part for the target)
 * and its test split. The inputs are copied once; the trunk runs once per distinct set of inputs,
 * which tasks built from the same images share, and the sets are spread over the lanes.
 */
final class Evaluation {
  private final RunSpec spec;
  private final NDManager manager;
  private final List<EvalSet> sets = new ArrayList<>();

  /**
   * The evaluation data of {@code spec}'s tasks, copied into {@code manager}; the target's first
   * {@code tuneSize} dev examples are left to tuning.
   */
  Evaluation(RunSpec spec, NDManager manager, int tuneSize) {
    this.spec = spec;
    this.manager = manager;
    for (int t = 0; t < spec.tasks().size(); t++) {
      Split d = spec.tasks().get(t).dev();
      add(t, false, t == 0 ? d.after(tuneSize) : d);
      add(t, true, spec.tasks().get(t).test());
    }
  }

  /** Scores {@code split} of task {@code task}, sharing inputs with an earlier split if it can. */
  private void add(int task, boolean isTest, Split split) {
    NDArray y = EvalSet.labels(split, manager);
    for (EvalSet e : sets) {
      if (e.split.sameInputsAs(split)) {
        e.members.add(new EvalSet.Member(task, isTest, y));
        return;
      }
    }
    EvalSet e = new EvalSet(split, spec, manager);
    e.members.add(new EvalSet.Member(task, isTest, y));
    sets.add(e);
  }

  /**
   * {@code [task][devAcc, devLoss, testAcc, testLoss]} at the current parameters, on at most {@code
   * lanes} of {@code pool}'s lanes.
   */
  double[][] all(LanePool pool, int lanes) {
    int[] sizes = sets.stream().mapToInt(e -> e.n).toArray();
    double[][][] results = new double[sets.size()][][];
    pool.run(sizes, lanes, (lane, i) -> results[i] = sets.get(i).score(lane.net()));
    double[][] out = new double[spec.tasks().size()][4];
    for (int s = 0; s < sets.size(); s++) {
      EvalSet e = sets.get(s);
      for (int i = 0; i < results[s].length; i++) {
        EvalSet.Member m = e.members.get(i);
        System.arraycopy(results[s][i], 0, out[m.task()], m.isTest() ? 2 : 0, 2);
      }
    }
    return out;
  }
}
