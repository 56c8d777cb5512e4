package dev.avil.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the Jupyter protocol suite (Debian's python3-jupyter-kernel-test) against the installed
 * kernel.
 */
class KernelProtocolIT {

  @Test
  void installedKernelSpeaksTheJupyterProtocol() {
    Notebooks.requireJupyterAndKernel();
    ProcessRunner.Result result =
        ProcessRunner.run(
            List.of(
                Notebooks.PYTHON,
                "-m",
                "unittest",
                "discover",
                "-s",
                "src/test/python",
                "-p",
                "test_*.py",
                "-v"),
            Notebooks.moduleDir(),
            Map.of(),
            Duration.ofMinutes(10));
    assertThat(result.exitCode()).as("jupyter_kernel_test output:\n%s", result.output()).isZero();
    assertThat(result.output()).contains("OK");
  }
}
