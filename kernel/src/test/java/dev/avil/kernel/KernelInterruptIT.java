package dev.avil.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A Jupyter interrupt (interrupt_request) during a comparison: the cell returns promptly, the
 * variable it assigns holds the finished runs, and the next cell runs. Uses the kernel jar this
 * build packaged and the toolkit installed in the local Maven repository.
 */
class KernelInterruptIT {

  @Test
  void anInterruptKeepsTheFinishedRunsAndTheKernelStaysUsable() throws IOException {
    Notebooks.requireJupyterAndKernel();
    Path jar;
    try (Stream<Path> files = Files.list(Notebooks.moduleDir().resolve("target"))) {
      jar =
          files
              .filter(
                  p ->
                      p.getFileName().toString().matches("avil-kernel-.*\\.jar")
                          && !p.getFileName().toString().contains("sources")
                          && !p.getFileName().toString().startsWith("original"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no kernel jar in target/"));
    }
    ProcessRunner.Result result =
        ProcessRunner.run(
            List.of(Notebooks.PYTHON, "src/test/python/kernel_interrupt.py", jar.toString()),
            Notebooks.moduleDir(),
            Map.of(),
            Duration.ofMinutes(10));
    assertThat(result.exitCode()).as(result.output()).isZero();
    String[] lines = result.output().strip().split("\n");
    JsonObject m = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
    System.out.println("kernel interrupt: " + m);
    assertThat(m.get("first_run_finished").getAsBoolean()).as("%s", m).isTrue();
    assertThat(m.get("status").getAsString())
        .as("reply to the interrupted cell: %s", m)
        .isEqualTo("ok");
    assertThat(m.get("stop_seconds").getAsDouble()).as("%s", m).isLessThan(5);
    String[] assigned = m.get("assigned").getAsString().replace("\"", "").split(" ");
    assertThat(assigned[0]).as("c.interrupted(): %s", m).isEqualTo("true");
    int runs = Integer.parseInt(assigned[1]);
    int failures = Integer.parseInt(assigned[2]);
    assertThat(runs).as("finished runs kept: %s", m).isGreaterThanOrEqualTo(1);
    assertThat(runs + failures).as("every run accounted for: %s", m).isEqualTo(6);
    assertThat(m.get("next_cell").getAsString()).isEqualTo("2");
  }
}
