package dev.avil.notebook;

import dev.avil.report.Html;
import dev.avil.text.EncodingProgress;
import java.util.Locale;
import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Encoding progress as one notebook output that updates in place: an HTML progress bar with the
 * count, the time taken and the time left, at most twice a second. Inside the kernel the toolkit's
 * extension makes it the default {@link EncodingProgress}.
 */
public final class NotebookEncodingProgress implements EncodingProgress {
  private final UpdatingOutput output;
  private double lastSeconds = Double.NEGATIVE_INFINITY;

  /** Shows progress on {@code display}, the kernel's display stream. */
  public NotebookEncodingProgress(DisplayStream display) {
    this.output = new UpdatingOutput(display, "avil-encoding-");
  }

  @Override
  public synchronized void update(int done, int total, double seconds) {
    if (output.shown() && done != total && seconds - lastSeconds < 0.5) {
      return;
    }
    lastSeconds = seconds;
    String text = EncodingProgress.line(done, total, seconds);
    String html =
        String.format(
            Locale.ROOT,
            "<div class=\"avil-progress\"><progress value=\"%d\" max=\"%d\" style=\"width:20em\"></progress> %s</div>",
            done,
            Math.max(total, 1),
            Html.escape(text.substring(text.indexOf(']') + 2)));
    DisplayData data = new DisplayData(text);
    data.putHTML(html);
    output.publish(data);
  }
}
