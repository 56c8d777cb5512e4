package dev.avil.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Encoding progress in a notebook: one display, updated in place, not more often than needed. */
class NotebookEncodingProgressTest {
  @Test
  void oneOutputUpdatedInPlaceUntilDone() {
    RecordingDisplay display = new RecordingDisplay();
    NotebookEncodingProgress p = new NotebookEncodingProgress(display);
    p.update(0, 100, 0);
    p.update(10, 100, 0.1); // too soon after the last one: skipped
    p.update(50, 100, 1.0);
    p.update(100, 100, 1.1); // the end is always shown
    assertThat(display.sent).hasSize(3);
    assertThat(display.sent.get(0).update()).isFalse();
    assertThat(display.sent.subList(1, 3)).allMatch(RecordingDisplay.Sent::update);
    assertThat(display.sent.get(2).html())
        .contains("<progress value=\"100\" max=\"100\"")
        .contains("100/100");
    assertThat(display.sent.get(1).text()).contains("50/100").contains("left");
  }
}
