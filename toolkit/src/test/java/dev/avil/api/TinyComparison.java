package dev.avil.api;

import dev.avil.model.Trunks;
import dev.avil.task.Task;
import dev.avil.task.Tasks;
import dev.avil.testing.Synthetic;
import dev.avil.train.TrainingListener;

/**
 * A comparison small enough to train in a test class's set-up (a few seconds): the fixture of the
 * tests that write, read, damage and display results.
 */
public final class TinyComparison {
  private TinyComparison() {}

  /**
   * {@code methods} over seeds 1 and 2, {@code epochs} epochs each, on 160 synthetic blobs (4
   * features, 3 classes) beside one auxiliary task, named {@code aux}, with random labels.
   *
   * @throws IllegalStateException if a run failed
   */
  public static Comparison run(String aux, int epochs, Method... methods) {
    Task target = Synthetic.blobs("target", 160, 4, 3, 1.2, 5);
    Task noise = Tasks.randomLabels(aux, target, 1);
    Comparison c =
        Experiment.target(target)
            .aux(noise)
            .trunk(Trunks.mlp(8))
            .headHidden(4)
            .epochs(epochs)
            .batchSize(32)
            .listener(TrainingListener.silent())
            .compare(methods)
            .seeds(1, 2)
            .run();
    if (!c.failures().isEmpty()) {
      throw new IllegalStateException("the fixture's runs failed: " + c.failures());
    }
    return c;
  }
}
