package dev.avil.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An interrupt lets a cell that stops on it keep its value, and abandons one that does not. */
class InterruptTest {

  /** A system property the cells set once they run, so the interrupt comes after compilation. */
  private static final String RUNNING = "avil.test.cell.running";

  private JShellEvaluator shell;

  @BeforeEach
  void start() {
    shell =
        new JShellEvaluator(
            InterruptTest.class.getClassLoader(), System.getProperty("java.class.path"), 1500);
    System.clearProperty(RUNNING);
    shell.eval(
        "String waitForInterrupt() { System.setProperty(\""
            + RUNNING
            + "\", \"yes\");"
            + " try { Thread.sleep(60_000); return \"slept\"; }"
            + " catch (InterruptedException e) { return \"stopped early\"; } }");
  }

  @AfterEach
  void stop() {
    shell.close();
  }

  /**
   * Evaluates {@code code} on another thread and interrupts it {@code afterMs} after it starts
   * running.
   */
  private CompletableFuture<Object> evalAndInterrupt(String code, long afterMs)
      throws InterruptedException {
    CompletableFuture<Object> result = CompletableFuture.supplyAsync(() -> shell.eval(code));
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.getProperty(RUNNING) == null && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    Thread.sleep(afterMs);
    shell.interrupt();
    return result;
  }

  @Test
  void aCellThatStopsOnTheInterruptKeepsItsValue() throws Exception {
    CompletableFuture<Object> cell = evalAndInterrupt("var got = waitForInterrupt();", 300);
    long t0 = System.nanoTime();
    Object value = cell.get(10, TimeUnit.SECONDS);
    assertThat((System.nanoTime() - t0) / 1e9)
        .as("seconds from interrupt to return")
        .isLessThan(1.0);
    assertThat(value).isNull();
    assertThat(shell.eval("got")).isEqualTo("stopped early");
    assertThat(shell.eval("1 + 1")).isEqualTo(2);
  }

  @Test
  void theStatementsAfterTheInterruptedOneDoNotRun() throws Exception {
    CompletableFuture<Object> cell =
        evalAndInterrupt("var first = waitForInterrupt();\nvar second = \"ran\";", 300);
    assertThat(cell)
        .failsWithin(10, TimeUnit.SECONDS)
        .withThrowableThat()
        .havingRootCause()
        .isInstanceOf(JShellEvaluator.CellInterruptedException.class)
        .withMessageContaining("var first = waitForInterrupt();")
        .withMessageContaining("not run: var second");
    assertThat(shell.eval("first")).isEqualTo("stopped early");
    assertThatThrownBy(() -> shell.eval("second"))
        .isInstanceOf(JShellEvaluator.CompilationException.class);
  }

  @Test
  void aCellThatIgnoresTheInterruptIsAbandonedAfterTheGracePeriod() throws Exception {
    // deaf to interrupts for 5 s, then it ends (so the abandoned thread does not spin for ever)
    CompletableFuture<Object> cell =
        evalAndInterrupt(
            "{ System.setProperty(\""
                + RUNNING
                + "\", \"yes\");"
                + " long spinUntil = System.nanoTime() + 5_000_000_000L; while (System.nanoTime() < spinUntil) { } }",
            300);
    long t0 = System.nanoTime();
    assertThat(cell)
        .failsWithin(10, TimeUnit.SECONDS)
        .withThrowableThat()
        .havingRootCause()
        .withMessageContaining("interrupted");
    assertThat((System.nanoTime() - t0) / 1e9)
        .as("seconds from interrupt to return")
        .isBetween(1.3, 4.5);
    assertThat(shell.eval("\"free again\"")).isEqualTo("free again");
  }
}
