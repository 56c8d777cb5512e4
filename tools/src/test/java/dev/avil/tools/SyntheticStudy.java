package dev.avil.tools;

import dev.avil.api.Experiment;
import dev.avil.api.Grid;
import dev.avil.api.Method;
import dev.avil.model.Trunks;
import dev.avil.task.Task;
import dev.avil.task.Tasks;
import dev.avil.testing.Synthetic;
import dev.avil.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A small study on synthetic tasks, run by {@link StudyKillTest} in a process of its own so that it
 * can be killed: {@code SyntheticStudy OUT}.
 */
public final class SyntheticStudy {
  static final String SETTING = "synthetic";
  static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8};

  private SyntheticStudy() {}

  /** Runs the study into {@code args[0]} and writes its summary there. */
  public static void main(String[] args) {
    Path out = Path.of(args[0]);
    Task target = Synthetic.blobs("target", 240, 6, 3, 1.5, 7);
    Task noise = Tasks.randomLabels("noise", target, 3);
    Experiment e =
        Experiment.target(target)
            .aux(noise)
            .trunk(Trunks.mlp(8))
            .headHidden(4)
            .epochs(3)
            .batchSize(32)
            .listener(TrainingListener.silent());
    List<Method> methods =
        List.of(Method.singleTask(), Method.uniform(), Method.alphaVil(a -> a.alphaSteps(3)));
    Study.run(out, new Grid(Map.of(SETTING, e), methods, SEEDS).cells());
    StudySummary.summarize(out);
  }
}
