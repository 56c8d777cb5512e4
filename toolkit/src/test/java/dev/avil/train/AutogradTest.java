package dev.avil.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.DataType;
import dev.avil.runtime.DjlRuntime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The first pass of each kind runs alone; later passes run side by side. */
class AutogradTest {
  /** Opens a recorder of {@code kind} on a new thread, marks {@code opened}, waits for release. */
  private static Thread pass(Object kind, AtomicBoolean opened, CountDownLatch release) {
    Thread t =
        new Thread(
            () -> {
              try (Autograd ag = new Autograd(kind)) {
                opened.set(true);
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    t.start();
    return t;
  }

  private static void awaitState(Thread t, Thread.State state) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (t.getState() != state && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(t.getState()).isEqualTo(state);
  }

  @Test
  void aFirstPassWaitsForAnotherFirstPassButNotForALaterOne() throws Exception {
    Object a = "first-pass test a";
    Object b = "first-pass test b";
    DjlRuntime.newManager().close(); // the engine, before any timing

    // a's first pass holds; b's first pass must wait for it
    AtomicBoolean aOpened = new AtomicBoolean();
    CountDownLatch aRelease = new CountDownLatch(1);
    Thread first = pass(a, aOpened, aRelease);
    awaitState(first, Thread.State.WAITING);
    assertThat(aOpened).isTrue();
    AtomicBoolean bOpened = new AtomicBoolean();
    CountDownLatch bRelease = new CountDownLatch(1);
    Thread second = pass(b, bOpened, bRelease);
    awaitState(second, Thread.State.WAITING); // parked on the lock, not yet inside
    Thread.sleep(100);
    assertThat(bOpened).as("b's first pass began beside a's").isFalse();
    aRelease.countDown();
    first.join(10_000);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!bOpened.get() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(bOpened).as("b's first pass began once a's had ended").isTrue();

    // b's first pass still holds; a has run once, so a later pass of a does not wait
    AtomicBoolean aAgain = new AtomicBoolean();
    CountDownLatch againRelease = new CountDownLatch(1);
    Thread later = pass(a, aAgain, againRelease);
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!aAgain.get() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(aAgain).as("a later pass of a ran beside b's first").isTrue();
    againRelease.countDown();
    bRelease.countDown();
    later.join(10_000);
    second.join(10_000);
    assertThat(later.isAlive() || second.isAlive()).isFalse();
  }

  @Test
  void aPassesKindIsItsNetworkItsInputAndItsBatch() {
    long[] digit = {1, 28, 28};
    Object k = Autograd.kind("lenet", digit, DataType.FLOAT32, 64);
    assertThat(k)
        .isEqualTo(Autograd.kind("lenet", digit.clone(), DataType.FLOAT32, 64))
        .isNotEqualTo(Autograd.kind("lenet", digit, DataType.FLOAT32, 40))
        .isNotEqualTo(Autograd.kind("mlp[64]", digit, DataType.FLOAT32, 64));
  }
}
