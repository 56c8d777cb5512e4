package dev.avil.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.model.Trunks;
import dev.avil.task.Task;
import dev.avil.task.Tasks;
import dev.avil.testing.Synthetic;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingListener;
import dev.avil.weighting.SingleTask;
import dev.avil.weighting.Uniform;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** An interrupt stops a comparison and returns the runs that finished. */
@Tag("slow")
class InterruptTest {
  private static final Task TARGET = Synthetic.blobs("target", 200, 5, 3, 1.2, 4);
  private static final Task NOISE = Tasks.randomLabels("noise", TARGET, 1);

  @AfterEach
  void clearFlag() {
    Thread.interrupted();
  }

  private static Experiment experiment(TrainingListener l) {
    return Experiment.target(TARGET)
        .aux(NOISE)
        .trunk(Trunks.mlp(8))
        .headHidden(4)
        .epochs(3)
        .batchSize(32)
        .listener(l);
  }

  /**
   * Single-task that interrupts its own thread at the end of training epoch {@code at}, so
   * evaluation sees it.
   */
  private static Method interruptingIn(int at) {
    return Method.custom(
        "interrupting",
        MethodRole.SINGLE_TASK,
        Uniform.OPTIONS,
        o ->
            new Strategy() {
              final SingleTask inner = new SingleTask(SingleTask.Options.defaults());

              @Override
              public EpochWeights trainEpoch(dev.avil.train.TrainingRun run) {
                EpochWeights w = inner.trainEpoch(run);
                if (run.epoch() == at) {
                  Thread.currentThread().interrupt();
                }
                return w;
              }
            });
  }

  @Test
  void anInterruptDuringEvaluationKeepsTheFinishedEpochsAndTheOtherRuns() {
    // each run has a thread of its own: the interrupt stops only the run whose thread it hit
    for (boolean sideBySide : new boolean[] {true, false}) {
      Comparison c =
          experiment(TrainingListener.silent())
              .compare(Method.singleTask(), interruptingIn(2), Method.uniform())
              .seeds(1, 2)
              .sideBySide(sideBySide)
              .run();
      assertThat(Thread.currentThread().isInterrupted())
          .as("the caller was not interrupted")
          .isFalse();
      assertThat(c.interrupted()).isFalse();
      assertThat(c.runs()).hasSize(4).allSatisfy(r -> assertThat(r.epochs()).isEqualTo(3));
      // a run on one lane notices the interrupt after the epoch's evaluation, one on several lanes
      // in it
      assertThat(c.partialRuns())
          .hasSize(2)
          .allSatisfy(r -> assertThat(r.epochs()).isBetween(1, 2));
      assertThat(c.failures())
          .hasSize(2)
          .allSatisfy(f -> assertThat(f).contains("interrupting seed").contains("interrupted"));
      assertThat(c.table().rowCount()).isEqualTo(3);
    }
  }

  @Test
  void aThreadInterruptFromOutsideReturnsTheFinishedRuns() throws Exception {
    CountDownLatch firstRunDone = new CountDownLatch(1);
    TrainingListener l =
        new TrainingListener() {
          @Override
          public void onEpoch(EpochProgress progress) {}

          @Override
          public void onRunEnd(String method, long seed) {
            firstRunDone.countDown();
          }
        };
    AtomicReference<Thread> worker = new AtomicReference<>();
    CompletableFuture<Comparison> result =
        CompletableFuture.supplyAsync(
            () -> {
              worker.set(Thread.currentThread());
              return experiment(l)
                  .epochs(40)
                  .compare(Method.singleTask(), Method.uniform(), Method.alphaVil())
                  .seeds(1, 2)
                  .run();
            });
    assertThat(firstRunDone.await(2, TimeUnit.MINUTES)).isTrue();
    Thread.sleep(50);
    long sent = System.nanoTime();
    worker.get().interrupt();
    Comparison c = result.get(2, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - sent) / 1e9;
    assertThat(c.interrupted()).isTrue();
    assertThat(c.runs()).isNotEmpty().allSatisfy(r -> assertThat(r.epochs()).isEqualTo(40));
    assertThat(c.runs().size() + c.failures().size()).isEqualTo(6);
    assertThat(seconds).as("seconds from interrupt to return").isLessThan(5);
  }

  @Test
  void interruptsAtRandomMomentsNeverLeaveALaneOnFreedMemory() throws Exception {
    java.util.Random random = new java.util.Random(15);
    for (int i = 0; i < 12; i++) {
      AtomicReference<Thread> worker = new AtomicReference<>();
      CountDownLatch started = new CountDownLatch(1);
      CompletableFuture<Comparison> result =
          CompletableFuture.supplyAsync(
              () -> {
                worker.set(Thread.currentThread());
                started.countDown();
                return experiment(TrainingListener.silent())
                    .epochs(20)
                    .compare(Method.alphaVil(a -> a.alphaSteps(3)), Method.uniform())
                    .seeds(1)
                    .run();
              });
      assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();
      Thread.sleep(100 + random.nextInt(600));
      worker.get().interrupt();
      Comparison c = result.get(2, TimeUnit.MINUTES);
      assertThat(c.runs().size() + c.failures().size()).isEqualTo(2);
    }
  }
}
