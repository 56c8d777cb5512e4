package dev.avil.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Executes every {@code notebooks/*.ipynb} on the installed {@code java} kernel (with {@code
 * AVIL_QUICK=1}), then opens its HTML export offline in headless Chromium, once with JavaScript and
 * once without.
 *
 * <p>A notebook fails if a cell raised an error, if a plotly plot did not render, if a toolkit
 * figure still shows its static image beside its chart, or if the page made a request to another
 * machine; and, without JavaScript, if a figure's area holds no drawn image (judged by its
 * screenshot's pixels) or a plot has no such area. The screenshots are written to {@link
 * #SCREENSHOTS} as {@code NOTEBOOK-figure-N.png}, N counting the figures from 1, so that notebook
 * 04's weight plot is {@code target/no-js-screenshots/04-helpful-vs-harmful-figure-2.png}. The
 * check runs on the copies executed here with the toolkit just installed, not on the committed
 * outputs. Missing Jupyter, kernel or Chromium, or no notebooks at all, fail too.
 */
@org.junit.jupiter.api.Tag("slow")
class NotebooksIT {

  private static final Path TARGET = Notebooks.moduleDir().resolve("target");

  /** Where each figure of each executed notebook goes, as shown without JavaScript. */
  static final Path SCREENSHOTS = TARGET.resolve("no-js-screenshots");

  @RegisterExtension
  static final BrowserFixture BROWSER = new BrowserFixture(TARGET.resolve("chromium.log"));

  @TestFactory
  Stream<DynamicTest> everyNotebookRunsAndRendersOffline() throws IOException {
    List<Path> notebooks;
    try (Stream<Path> files = Files.list(Notebooks.notebooksDir())) {
      notebooks =
          files
              .filter(p -> p.getFileName().toString().endsWith(".ipynb"))
              .sorted()
              .collect(Collectors.toList());
    }
    assertThat(notebooks).as("notebooks in %s", Notebooks.notebooksDir()).isNotEmpty();
    return notebooks.stream()
        .map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> check(nb)));
  }

  private static void check(Path notebook) throws Exception {
    Path executed =
        Notebooks.execute(notebook, TARGET.resolve("executed"), Map.of("AVIL_QUICK", "1"));
    List<String> problems = new ArrayList<>(Notebooks.cellErrors(executed));
    Path html = Notebooks.toHtml(executed, TARGET.resolve("html"));
    HeadlessChromium.PageReport page = BROWSER.load(html, Duration.ofSeconds(60));
    problems.addAll(browserProblems(page));
    List<FigureShots.Shot> shots = BROWSER.figuresWithoutJavaScript(html);
    String name = notebook.getFileName().toString().replaceFirst("\\.ipynb$", "");
    FigureShots.write(shots, SCREENSHOTS, name);
    problems.addAll(FigureShots.problems(shots, page.plots()));
    assertThat(problems).as("problems in %s (screenshots in %s)", name, SCREENSHOTS).isEmpty();
  }

  /**
   * With JavaScript on: unrendered plots, requests to other machines, and toolkit figures without
   * their chart or still showing their static image, one line each.
   */
  static List<String> browserProblems(HeadlessChromium.PageReport page) {
    List<String> problems = new ArrayList<>();
    if (page.renderedPlots() < page.plots()) {
      problems.add(
          String.format(
              "%d of %d plotly plots did not render (script errors: %s)",
              page.plots() - page.renderedPlots(), page.plots(), page.scriptErrors()));
    }
    if (page.figuresWithChart() < page.figures()) {
      problems.add(
          String.format(
              "%d of %d figures have no interactive chart with JavaScript on",
              page.figures() - page.figuresWithChart(), page.figures()));
    }
    if (page.staticImagesShown() > 0) {
      problems.add(
          String.format(
              "%d of %d figures still show their static image beside the chart",
              page.staticImagesShown(), page.figures()));
    }
    page.externalRequests().forEach(url -> problems.add("request left the machine: " + url));
    return problems;
  }
}
