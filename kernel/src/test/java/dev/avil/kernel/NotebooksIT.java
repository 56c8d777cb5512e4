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
 * AVIL_QUICK=1}), then opens its HTML export offline in headless Chromium.
 *
 * <p>A notebook fails if a cell raised an error, if a plotly plot did not render, or if the page
 * made a request to another machine. Missing Jupyter, kernel or Chromium, or no notebooks at all,
 * fail too.
 */
@org.junit.jupiter.api.Tag("slow")
class NotebooksIT {

  private static final Path TARGET = Notebooks.moduleDir().resolve("target");

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
    problems.addAll(browserProblems(BROWSER.load(html, Duration.ofSeconds(60))));
    assertThat(problems).as("problems in %s", notebook.getFileName()).isEmpty();
  }

  /** Unrendered plots and requests to other machines, one line each. */
  static List<String> browserProblems(HeadlessChromium.PageReport page) {
    List<String> problems = new ArrayList<>();
    if (page.renderedPlots() < page.plots()) {
      problems.add(
          String.format(
              "%d of %d plotly plots did not render (script errors: %s)",
              page.plots() - page.renderedPlots(), page.plots(), page.scriptErrors()));
    }
    page.externalRequests().forEach(url -> problems.add("request left the machine: " + url));
    return problems;
  }
}
