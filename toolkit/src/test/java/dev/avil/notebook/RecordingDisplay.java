package dev.avil.notebook;

import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/** A display stream that keeps what it was sent instead of publishing it. */
final class RecordingDisplay extends DisplayStream {
  /** One message sent: a new display or an update of one. */
  record Sent(boolean update, String displayId, String html, String text) {}

  final List<Sent> sent = new ArrayList<>();

  @Override
  public synchronized void display(DisplayData data) {
    sent.add(sent(false, data));
  }

  @Override
  public synchronized void updateDisplay(DisplayData data) {
    sent.add(sent(true, data));
  }

  private static Sent sent(boolean update, DisplayData d) {
    return new Sent(
        update,
        d.getDisplayId(),
        (String) d.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML),
        (String) d.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
  }
}
