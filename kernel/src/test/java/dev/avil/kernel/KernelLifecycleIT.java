package dev.avil.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The installed kernel process ends within seconds, whether asked to or orphaned. */
class KernelLifecycleIT {

  private static final double MAX_EXIT_SECONDS = 5;

  @BeforeAll
  static void kernelInstalled() {
    Notebooks.requireJupyterAndKernel();
  }

  @Test
  void exitsPromptlyAfterShutdownRequest() {
    JsonObject m = measure("shutdown");
    System.out.printf(
        "kernel start to first result %.2f s, exit after shutdown_request %.2f s%n",
        m.get("first_result").getAsDouble(), m.get("exit_seconds").getAsDouble());
    assertThat(m.get("exited").getAsBoolean()).as("kernel exited: %s", m).isTrue();
    assertThat(m.get("exit_seconds").getAsDouble()).isLessThan(MAX_EXIT_SECONDS);
  }

  @Test
  void exitsWhenTheProcessThatStartedItDies() {
    JsonObject m = measure("orphan");
    assertThat(m.get("exited").getAsBoolean()).as("kernel exited: %s", m).isTrue();
    assertThat(m.get("exit_seconds").getAsDouble()).isLessThan(MAX_EXIT_SECONDS);
  }

  private static JsonObject measure(String mode) {
    ProcessRunner.Result result =
        ProcessRunner.run(
            List.of(Notebooks.PYTHON, "src/test/python/kernel_lifecycle.py", mode),
            Notebooks.moduleDir(),
            Map.of(),
            Duration.ofMinutes(3));
    assertThat(result.exitCode()).as(result.output()).isZero();
    String[] lines = result.output().strip().split("\n");
    return JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
  }
}
