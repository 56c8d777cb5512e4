package dev.avil.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avil.api.Grid;
import dev.avil.api.Method;
import dev.avil.api.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The programs' command lines: what they read, their help, and the messages for what they refuse.
 */
class CommandLinesTest {
  /** The study's options as {@code args} leave them. */
  private static StudyOptions study(String... args) {
    StudyOptions o = new StudyOptions();
    Cli.parse(new StudyCommand(o), args);
    return o;
  }

  /** A command of the study's options alone. */
  @CommandLine.Command(name = "study")
  private record StudyCommand(@CommandLine.Mixin StudyOptions options) {}

  @Test
  void theStudyReadsItsOptionsWithTheirDefaults() {
    StudyOptions o = study("--out", "x", "--seeds", "4,7", "--epochs", "3");
    assertThat(o.out()).isEqualTo(Path.of("x"));
    assertThat(o.protocol().seeds()).containsExactly(4, 7);
    assertThat(o.protocol().rule()).isEqualTo(new ProtocolOptions.Rule(3, 10, 0));
    assertThat(study("--patience-growth", "0.5").protocol().rule().patienceGrowth()).isEqualTo(0.5);
    assertThat(o.settings()).containsExactlyElementsOf(Settings.STUDY);
    assertThat(o.methods("mnist-negative").stream().map(Method::name))
        .contains("single-task", "single-task(passes=6)", "avil", "avil-paper", "gcs");
    assertThat(o.methods("text-finetuned").stream().map(Method::name))
        .containsExactly("single-task", "uniform", "avil", "forkmerge", "auto-lambda");
    assertThat(study("--methods", "single-task,avil(rho=0.5 evidence=3)").methods("text-finetuned"))
        .extracting(Method::name)
        .containsExactly("single-task", "avil(evidence=3 rho=0.5)");
  }

  @Test
  void theStudysCellsGoSeedBySeedEachSettingWithItsOwnMethods() {
    StudyOptions o = study("--settings", "mnist-negative,text-finetuned", "--seeds", "1,2");
    List<Grid.Cell> cells = o.cells(setting -> null);
    int image = o.methods("mnist-negative").size();
    assertThat(cells).hasSize(2 * (image + 5));
    assertThat(cells).extracting(Grid.Cell::seed).isSortedAccordingTo(Long::compare);
    assertThat(cells.subList(0, image + 5))
        .extracting(c -> c.setting() + " " + c.method().name())
        .startsWith("mnist-negative single-task")
        .endsWith(
            "text-finetuned single-task",
            "text-finetuned uniform",
            "text-finetuned avil",
            "text-finetuned forkmerge",
            "text-finetuned auto-lambda");
  }

  @Test
  void whatAProgramCannotReadIsRefusedByName() {
    assertThatThrownBy(() -> Cli.parse(new Study(), "--epoch", "5"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("--epoch");
    assertThatThrownBy(() -> Cli.parse(new Study(), "--seeds"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("--seeds");
    assertThatThrownBy(() -> Cli.parse(new Study(), "--epochs", "0"))
        .hasMessageContaining("--epochs 0 must be a whole number ≥ 1");
    assertThatThrownBy(() -> Cli.parse(new Study(), "--patience", "ten"))
        .hasMessageContaining("'ten'");
    assertThatThrownBy(() -> Cli.parse(new Study(), "--patience-growth", "-1"))
        .hasMessageContaining("--patience-growth -1.0 must be in [0, 10]");
    assertThatThrownBy(() -> Cli.parse(new Study(), "--seeds", "1;2"))
        .hasMessageContaining("'1;2'");
    assertThatThrownBy(() -> Cli.parse(new Study(), "--methods", "single-task,alphavil"))
        .hasMessageContaining("unknown method 'alphavil'");
    assertThatThrownBy(() -> Cli.parse(new Floor(), "10"))
        .hasMessageContaining("SAMPLES 10 must be a whole number from 64 to 137,438,953,408");
    assertThatThrownBy(() -> Cli.parse(new Floor(), "lots")).hasMessageContaining("'lots'");
    assertThatThrownBy(() -> Cli.parse(new Floor())).hasMessageContaining("SAMPLES");
    assertThatThrownBy(() -> Cli.parse(new KernelCheck(), "0"))
        .hasMessageContaining("PASSES 0 must be a whole number ≥ 1");
    assertThatThrownBy(() -> Cli.parse(new KernelCheck(), "1", "2"))
        .isInstanceOf(ParameterException.class);
    assertThatThrownBy(() -> Cli.parse(new EpochTime(), "text-finetuned", "uniform", "0"))
        .hasMessageContaining("EPOCHS 0 must be a whole number ≥ 1");
    assertThatThrownBy(() -> Cli.parse(new EpochTime(), "text-finetuned", "alphavil", "2"))
        .hasMessageContaining("unknown method 'alphavil'");
    assertThatThrownBy(() -> Cli.parse(new EpochTime(), "text-finetuned"))
        .hasMessageContaining("METHOD");
  }

  @Test
  void theLimitsThemselvesAreAccepted() {
    Cli.parse(new Floor(), "64");
    Cli.parse(new Floor(), Long.toString(Floor.MAX_SAMPLES));
    Cli.parse(new KernelCheck());
    Cli.parse(new KernelCheck(), "1");
    Cli.parse(new EpochTime(), "text-finetuned", "uniform", "1");
    assertThat(study("--patience", "0").protocol().rule().patience()).isZero();
  }

  @Test
  void everyProgramPrintsItsHelp() {
    for (Callable<Integer> c :
        java.util.List.<Callable<Integer>>of(
            new Study(),
            new MainJob(),
            new Floor(),
            new KernelCheck(),
            new Benchmark(),
            new EpochTime())) {
      StringWriter out = new StringWriter();
      int status = new CommandLine(c).setOut(new PrintWriter(out)).execute("--help");
      assertThat(status).isZero();
      assertThat(out.toString()).as(c.getClass().getSimpleName()).contains("Usage:", "--help");
    }
  }
}
