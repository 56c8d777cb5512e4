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

    private JShellEvaluator shell;

    @BeforeEach
    void start() {
        shell = new JShellEvaluator(InterruptTest.class.getClassLoader(), System.getProperty("java.class.path"), 1500);
        shell.eval("String waitForInterrupt() { try { Thread.sleep(60_000); return \"slept\"; }"
                + " catch (InterruptedException e) { return \"stopped early\"; } }");
    }

    @AfterEach
    void stop() {
        shell.close();
    }

    /** Evaluates {@code code} on another thread and interrupts it after {@code afterMs}. */
    private CompletableFuture<Object> evalAndInterrupt(String code, long afterMs) throws InterruptedException {
        CompletableFuture<Object> result = CompletableFuture.supplyAsync(() -> shell.eval(code));
        Thread.sleep(afterMs);
        shell.interrupt();
        return result;
    }

    @Test
    void aCellThatStopsOnTheInterruptKeepsItsValue() throws Exception {
        long t0 = System.nanoTime();
        Object value = evalAndInterrupt("var got = waitForInterrupt();", 300).get(10, TimeUnit.SECONDS);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(1.4);
        assertThat(value).isNull();
        assertThat(shell.eval("got")).isEqualTo("stopped early");
        assertThat(shell.eval("1 + 1")).isEqualTo(2);
    }

    @Test
    void theStatementsAfterTheInterruptedOneDoNotRun() throws Exception {
        CompletableFuture<Object> cell = evalAndInterrupt("var first = waitForInterrupt();\nvar second = \"ran\";", 300);
        assertThat(cell).failsWithin(10, TimeUnit.SECONDS).withThrowableThat()
                .havingRootCause().isInstanceOf(JShellEvaluator.CellInterruptedException.class)
                .withMessageContaining("var first = waitForInterrupt();")
                .withMessageContaining("not run: var second");
        assertThat(shell.eval("first")).isEqualTo("stopped early");
        assertThatThrownBy(() -> shell.eval("second")).isInstanceOf(JShellEvaluator.CompilationException.class);
    }

    @Test
    void aCellThatIgnoresTheInterruptIsAbandonedAfterTheGracePeriod() throws Exception {
        long t0 = System.nanoTime();
        CompletableFuture<Object> cell = evalAndInterrupt("long spin = 0; while (true) { spin++; }", 300);
        assertThat(cell).failsWithin(10, TimeUnit.SECONDS).withThrowableThat()
                .havingRootCause().withMessageContaining("interrupted");
        assertThat((System.nanoTime() - t0) / 1e9).isBetween(1.7, 8.0);
        assertThat(shell.eval("\"free again\"")).isEqualTo("free again");
    }
}
