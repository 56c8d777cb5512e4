package dev.avil.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.types.DataType;
import dev.avil.runtime.DjlRuntime;
import dev.avil.task.Task;
import dev.avil.testing.Synthetic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Passes side by side on the lanes give what the same passes give one at a time. */
class LanesTest {
  @Test
  void anInterruptedCallerReturnsOnlyAfterEveryJobHasFinished() throws Exception {
    // a run frees its arrays as soon as Lanes.run throws; a job still running then would read
    // freed memory (this crashed the JVM)
    org.junit.jupiter.api.Assumptions.assumeTrue(Lanes.count() >= 2, "needs two lanes");
    AtomicBoolean[] finished = {new AtomicBoolean(), new AtomicBoolean()};
    AtomicBoolean sent = new AtomicBoolean();
    List<Callable<Void>> jobs = new ArrayList<>();
    for (AtomicBoolean f : finished) {
      jobs.add(
          () -> {
            // busy until well after the interrupt, however late it comes
            while (!sent.get()) {
              Thread.onSpinWait(); // like a native pass: deaf to interrupts
            }
            long end = System.nanoTime() + 200_000_000L;
            while (System.nanoTime() < end) {
              Thread.onSpinWait();
            }
            f.set(true);
            return null;
          });
    }
    Thread caller = Thread.currentThread();
    Thread interrupter =
        new Thread(
            () -> {
              try {
                Thread.sleep(50);
              } catch (InterruptedException ignored) {
                return;
              }
              caller.interrupt();
              sent.set(true);
            });
    interrupter.start();
    try {
      assertThatThrownBy(() -> Lanes.run(jobs)).hasMessageContaining("interrupted");
      assertThat(finished[0].get() && finished[1].get())
          .as("every job finished before Lanes.run threw")
          .isTrue();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      interrupter.join();
      Thread.interrupted();
    }
  }

  @Test
  void thePlanSpreadsTheLargestTasksFirstAndLeavesOutTasksThatDoNotTrain() {
    int[] sizes = {1000, 6000, 6000};
    assertThat(LanePool.plan(sizes, 2)).isEqualTo(List.of(List.of(1, 0), List.of(2)));
    assertThat(LanePool.plan(sizes, 1)).isEqualTo(List.of(List.of(1, 2, 0)));
    assertThat(LanePool.plan(sizes, 4)).isEqualTo(List.of(List.of(1), List.of(2), List.of(0)));
    assertThat(LanePool.plan(new int[] {1000, -1, -1}, 2)).isEqualTo(List.of(List.of(0)));
    assertThat(LanePool.plan(new int[] {2000, 1000, 500}, 2))
        .isEqualTo(List.of(List.of(0), List.of(1, 2)));
  }

  @Test
  void parallelPassesGiveTheDeltasOfTheSamePassesOneAtATime() {
    assertThat(Lanes.count()).as("lanes in the test JVM (PyTorch threads)").isGreaterThan(1);
    Task target = Synthetic.blobs("target", 200, 6, 3, 1.0, 1);
    Task aux = Synthetic.blobs("aux", 400, 6, 4, 1.0, 2);
    Task other = Synthetic.blobs("other", 300, 6, 2, 1.5, 3);
    RunSpec spec =
        Synthetic.oneEpoch("lanes", List.of(target, aux, other), 16, 5, DataType.FLOAT64);
    double[] weights = {1, 0.5, 2};
    try (TrainingRun side = new TrainingRun(spec);
        TrainingRun alone = new TrainingRun(spec);
        ParamVector theta = side.parameters()) {
      List<ParamVector> parallel = side.passesFrom(theta, weights, 0.5);
      List<ParamVector> serial = new ArrayList<>();
      try {
        for (int t = 0; t < 3; t++) {
          alone.setParameters(theta);
          alone.trainTask(t, weights[t], 0.5);
          try (ParamVector after = alone.parameters()) {
            serial.add(after.minus(theta));
          }
        }
        for (int t = 0; t < 3; t++) {
          double[] p = parallel.get(t).toDoubleArray();
          double[] s = serial.get(t).toDoubleArray();
          assertThat(serial.get(t).norm()).as("task %d trained", t).isGreaterThan(1e-3);
          assertThat(p).as("delta of task %d", t).containsExactly(s, within(1e-9));
        }
        try (ParamVector now = side.parameters()) {
          assertThat(now.toDoubleArray())
              .as("the model is left at θ")
              .containsExactly(theta.toDoubleArray(), within(0.0));
        }
        assertThat(side.epochLosses()).containsExactly(alone.epochLosses(), within(1e-9));
        // evaluation spread over the lanes gives what one lane gives
        double[][] spread = side.evaluateAll(2);
        double[][] single = side.evaluateAll(1);
        for (int t = 0; t < 3; t++) {
          assertThat(spread[t])
              .as("evaluation of task %d", t)
              .containsExactly(single[t], within(1e-12));
        }
      } finally {
        parallel.forEach(ParamVector::close);
        serial.forEach(ParamVector::close);
      }
    }
  }

  @Test
  void eachLaneRunsOneIntraOpThreadAndTheCallerKeepsItsOwn() {
    int lanes = Lanes.count();
    int before = ai.djl.pytorch.jni.JniUtils.getNumThreads();
    List<Callable<Integer>> jobs = new ArrayList<>();
    for (int l = 0; l < lanes; l++) {
      jobs.add(
          () -> {
            // an operation after set-up must not reset the lane to the process default
            try (ai.djl.ndarray.NDManager m = DjlRuntime.newManager()) {
              m.ones(new ai.djl.ndarray.types.Shape(1 << 16)).sum().getFloat();
            }
            return ai.djl.pytorch.jni.JniUtils.getNumThreads();
          });
    }
    assertThat(Lanes.run(jobs)).containsOnly(1);
    assertThat(ai.djl.pytorch.jni.JniUtils.getNumThreads())
        .as("the calling thread")
        .isEqualTo(before);
    // a thread that starts now takes the configured default, not the lanes' one thread
    int[] fresh = new int[1];
    Thread t =
        new Thread(
            () -> {
              try (ai.djl.ndarray.NDManager m = DjlRuntime.newManager()) {
                m.ones(new ai.djl.ndarray.types.Shape(1 << 16)).sum().getFloat();
              }
              fresh[0] = ai.djl.pytorch.jni.JniUtils.getNumThreads();
            });
    t.start();
    assertThat(org.assertj.core.api.Assertions.catchThrowable(t::join)).isNull();
    assertThat(fresh[0]).isEqualTo(lanes);
  }

  @Test
  void aFailingJobIsRethrownAfterTheOthersHaveFinished() {
    AtomicBoolean otherFinished = new AtomicBoolean();
    List<Callable<Integer>> jobs =
        List.of(
            () -> {
              throw new NonFiniteLossException("noise", 3, Double.NaN);
            },
            () -> {
              Thread.sleep(200);
              otherFinished.set(true);
              return 1;
            });
    assertThatThrownBy(() -> Lanes.run(jobs))
        .isInstanceOf(NonFiniteLossException.class)
        .hasMessageContaining("noise");
    assertThat(otherFinished).isTrue();
  }
}
