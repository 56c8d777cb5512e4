package dev.avil.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The tools of a test class that executes notebooks and opens them in a browser, with JavaScript
 * and without: before its tests, checks that Jupyter knows the {@code java} kernel and starts
 * headless Chromium; after them, closes Chromium.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final BrowserFixture BROWSER = new BrowserFixture(TARGET.resolve("chromium.log"));
 * }</pre>
 */
final class BrowserFixture implements BeforeAllCallback, AfterAllCallback {

  private final Path log;
  private HeadlessChromium chromium;

  /** A fixture whose Chromium writes its log to {@code log}. */
  BrowserFixture(Path log) {
    this.log = log;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
    Notebooks.requireJupyterAndKernel();
    chromium = HeadlessChromium.start(log);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (chromium != null) {
      chromium.close();
      chromium = null;
    }
  }

  /** Opens {@code html} offline and reports what the page did within {@code wait}. */
  HeadlessChromium.PageReport load(Path html, Duration wait) throws Exception {
    return chromium.load(html, wait);
  }

  /** Opens {@code html} offline with JavaScript off and screenshots each figure area. */
  List<FigureShots.Shot> figuresWithoutJavaScript(Path html) throws Exception {
    return FigureShots.take(chromium, html);
  }
}
