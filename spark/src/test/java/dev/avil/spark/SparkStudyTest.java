package dev.avil.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.tools.StudyOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The Spark study's plans travel to the executors, and its cells are the in-process study's. */
class SparkStudyTest {
  @CommandLine.Command(name = "study")
  private record StudyCommand(@CommandLine.Mixin StudyOptions options) {}

  private static StudyOptions options(String... args) {
    StudyOptions o = new StudyOptions();
    new CommandLine(new StudyCommand(o)).parseArgs(args);
    return o;
  }

  @Test
  void thePlansSerialiseAndEachSettingKeepsItsOwnMethods() throws Exception {
    StudyOptions o = options("--settings", "mnist-negative,text-finetuned", "--seeds", "1,2");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(SparkStudy.plans(o));
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isInstanceOf(Plans.class);
    }

    List<Cell> cells = SparkStudy.cells(o);
    int image = o.methods("mnist-negative").size();
    assertThat(cells).hasSize(2 * (image + 5));
    assertThat(cells.stream().filter(c -> c.setting().equals("text-finetuned") && c.seed() == 2))
        .extracting(Cell::method)
        .containsExactly("single-task", "uniform", "avil", "forkmerge", "auto-lambda");
    assertThat(cells).extracting(Cell::seed).isSortedAccordingTo(Long::compare);
  }
}
