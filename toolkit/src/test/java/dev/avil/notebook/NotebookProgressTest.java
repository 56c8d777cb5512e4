package dev.avil.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avil.api.Experiment;
import dev.avil.api.Method;
import dev.avil.model.Trunks;
import dev.avil.task.Task;
import dev.avil.task.Tasks;
import dev.avil.testing.Synthetic;
import dev.avil.train.DefaultListener;
import dev.avil.train.ProgressLog;
import java.util.List;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live progress output: one display, then updates of it. */
class NotebookProgressTest {
  private static final Task TARGET = Synthetic.blobs("target", 160, 4, 3, 1.0, 5);
  private static final Task NOISE = Tasks.randomLabels("noise", TARGET, 2);

  private static Experiment experiment() {
    return Experiment.target(TARGET)
        .aux(NOISE)
        .trunk(Trunks.mlp(8))
        .headHidden(4)
        .epochs(3)
        .batchSize(32);
  }

  @AfterEach
  void restoreDefault() {
    DefaultListener.set(runs -> ProgressLog.toStdout());
  }

  @Test
  void aComparisonUpdatesOneOutput() {
    RecordingDisplay display = new RecordingDisplay();
    experiment()
        .listener(new NotebookProgress(display, 4))
        .compare(Method.singleTask(), Method.alphaVil(a -> a.alphaSteps(2)))
        .seeds(1, 2)
        .run();
    List<RecordingDisplay.Sent> sent = display.sent;
    // per run: its start, 3 epochs and its end
    assertThat(sent).hasSize(4 * (1 + 3 + 1));
    assertThat(sent.get(0).update()).isFalse();
    assertThat(sent.subList(1, sent.size())).allMatch(RecordingDisplay.Sent::update);
    assertThat(sent.stream().map(RecordingDisplay.Sent::displayId).collect(Collectors.toSet()))
        .hasSize(1)
        .doesNotContainNull();
    RecordingDisplay.Sent midRun =
        sent.stream()
            .filter(x -> x.text().contains("avil(alphaSteps=2), seed 1: epoch 2/3"))
            .findFirst()
            .orElseThrow();
    assertThat(midRun.text()).containsPattern("Run [12] of 4: avil");
    assertThat(midRun.html()).contains("<th>α</th>").contains("target (target)").contains("left");
    // the runs go side by side, and the output shows every one that is running
    assertThat(sent)
        .anySatisfy(x -> assertThat(x.text()).contains("Run 1 of 4").contains("Run 2 of 4"));
    String last = sent.get(sent.size() - 1).html();
    assertThat(last)
        .containsPattern("Run [1-4] of 4")
        .contains("all 4 runs in")
        .contains("finished runs");
    assertThat(last.split("<td>single-task</td>", -1)).hasSize(3);
  }

  @Test
  void aSingleRunShowsNoRunCountAndNoAlphasWithoutThem() {
    RecordingDisplay display = new RecordingDisplay();
    experiment().method(Method.singleTask()).listener(new NotebookProgress(display, 1)).run();
    RecordingDisplay.Sent end = display.sent.get(display.sent.size() - 1);
    assertThat(end.text()).startsWith("single-task, seed 1: 3 epochs in").doesNotContain("Run ");
    assertThat(end.html())
        .contains("epoch 3/3")
        .doesNotContain("<th>α</th>")
        .doesNotContain("finished runs");
  }

  @Test
  void theExtensionMakesItTheDefaultListener() {
    RecordingDisplay display = new RecordingDisplay();
    AvilExtension.install(new Renderer(), display);
    assertThat(DefaultListener.create(6)).isInstanceOf(NotebookProgress.class);
    experiment().method(Method.uniform()).run();
    assertThat(display.sent).hasSize(1 + 3 + 1);
    assertThat(display.sent.get(0).update()).isFalse();
  }

  @Test
  void anExplicitListenerWinsOverTheDefault() {
    RecordingDisplay display = new RecordingDisplay();
    AvilExtension.install(new Renderer(), display);
    experiment().method(Method.uniform()).listener(p -> {}).run();
    assertThat(display.sent).isEmpty();
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> new NotebookProgress(new RecordingDisplay(), 0))
        .hasMessageContaining("runs 0");
    assertThatThrownBy(() -> new NotebookProgress(null, 1)).hasMessageContaining("display stream");
    assertThatThrownBy(() -> DefaultListener.set(null)).hasMessageContaining("must not be null");
  }
}
